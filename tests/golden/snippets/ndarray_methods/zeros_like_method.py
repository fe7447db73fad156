from mxnet import nd
x = nd.array([[1, 2]], dtype='float64')
z = x.zeros_like()
o = x.ones_like()
print(z, z.dtype)
print(o, o.dtype)
