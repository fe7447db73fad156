from mxnet import nd
x = nd.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.7])
print(nd.round(x))
print(nd.rint(x))
print(nd.floor(x))
print(nd.ceil(x))
print(nd.trunc(x))
print(nd.fix(x))
