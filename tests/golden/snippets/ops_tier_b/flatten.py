from mxnet import nd
x = nd.arange(24).reshape((2, 3, 4))
print(nd.flatten(x).shape)
print(nd.Flatten(nd.arange(6).reshape((2, 3, 1))))
print(nd.flatten(nd.arange(3)).shape)
