from mxnet import nd
a = nd.array([1, 2])
print(nd.add(a, a))
print(nd.add(a, 3))
nd.add(a, a, out=nd.zeros(2))
