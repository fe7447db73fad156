from mxnet import nd
x = nd.arange(12).reshape((2, 6))
a, b, c = nd.split(x, num_outputs=3, axis=1)
print(a)
print(c.shape)
r = nd.split(x, 2, axis=0, squeeze_axis=True)
print(r[0].shape, r[1])
