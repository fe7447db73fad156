from mxnet import nd
print(nd.arange(3, repeat=2))
print(nd.arange(0, 4, 2, repeat=3))
