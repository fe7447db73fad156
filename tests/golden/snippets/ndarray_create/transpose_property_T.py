from mxnet import nd
x = nd.arange(6).reshape((2, 3))
t = x.T
print(t)
t[0] = 100
print(x)
v = nd.arange(3)
print(v.T is v)
