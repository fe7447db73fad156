from mxnet import nd
a = nd.array([1, 2])
r = a.copyto(a)
print(r)
