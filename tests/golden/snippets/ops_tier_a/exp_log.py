from mxnet import nd
x = nd.array([0, 1, 2])
print(nd.exp(x))
print(nd.log(nd.exp(x)))
print(nd.log(nd.array([0.0, -1.0, 1.0])))
print(nd.exp(nd.array([100.0])))
