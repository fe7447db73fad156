from mxnet import nd
a = nd.array([1, 2])
b = nd.zeros(2)
r = a.copyto(b)
print(r is b)
print(b)
a[0] = 10
print(b)
