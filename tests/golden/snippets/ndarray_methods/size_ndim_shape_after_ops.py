from mxnet import nd
x = nd.ones((2, 3, 4))
y = x.sum(axis=1)
print(y.shape, y.size, y.ndim)
z = x[0]
print(z.shape, z.size, z.ndim)
