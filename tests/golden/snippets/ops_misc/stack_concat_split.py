from mxnet import nd
a = nd.arange(6).reshape((2, 3))
s = nd.stack(a, a * 10, axis=1)
print(s.shape)
print(s[1])
c = nd.concat(a, a, a, dim=0)
print(c.shape)
parts = nd.split(c, num_outputs=3, axis=0)
print(len(parts), parts[2])
