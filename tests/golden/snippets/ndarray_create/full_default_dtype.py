from mxnet import nd
x = nd.full((2,), 5)
print(x.dtype)
