from mxnet import nd
x = nd.arange(6).reshape((1, 2, 3))
f = x.flatten(inplace=True)
print(f.shape)
f[:] = 1
print(x)
e = x.expand_dims(0, inplace=True)
print(e.shape)
e[:] = 2
print(x)
s = x.squeeze(inplace=True)
print(s.shape)
s[:] = 3
print(x)
