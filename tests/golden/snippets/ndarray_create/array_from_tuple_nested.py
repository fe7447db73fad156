from mxnet import nd
x = nd.array(((1, 2), (3, 4), (5, 6)))
print(x.shape)
print(x)
