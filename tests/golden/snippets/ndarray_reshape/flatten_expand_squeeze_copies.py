from mxnet import nd
x = nd.arange(6).reshape((1, 2, 3))
f = x.flatten()
print(f.shape)
f[:] = 1
e = x.expand_dims(axis=1)
print(e.shape)
e[:] = 2
s = x.squeeze()
print(s.shape)
s[:] = 3
print(x)
