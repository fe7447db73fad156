from mxnet import nd
v = nd.array([10, 20, 30, 40])
print(v[1:3])
print(v[-2:])
print(v[::-1])
print(v[2].asscalar())
