from mxnet import nd
x = nd.zeros((2, 3, 4))
s = nd.shape_array(x)
print(s, s.dtype)
z = nd.size_array(x)
print(z, z.dtype)
