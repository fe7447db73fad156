from mxnet import nd
a = nd.array([[1, 2], [3, 4]], dtype='int32')
z = nd.zeros_like(a)
o = nd.ones_like(a)
print(z, z.dtype)
print(o, o.dtype)
print(a.zeros_like().shape, a.ones_like().dtype)
