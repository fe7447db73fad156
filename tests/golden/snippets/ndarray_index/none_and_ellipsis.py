from mxnet import nd
x = nd.arange(12).reshape((3, 4))
print(x[None].shape)
print(x[:, None].shape)
print(x[...].shape)
print(x[..., 1])
print(x[1, ...])
print(x[None, 1].shape)
