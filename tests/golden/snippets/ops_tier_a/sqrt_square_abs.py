from mxnet import nd
x = nd.array([-4, 0, 9])
print(nd.sqrt(nd.abs(x)))
print(nd.square(x))
print(nd.abs(x))
print(nd.sqrt(x))
