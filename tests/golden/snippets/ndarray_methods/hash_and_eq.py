from mxnet import nd
a = nd.array([1, 2])
b = nd.array([1, 2])
d = {a: 'a', b: 'b'}
print(d[a], d[b], len(d))
print(type(a == b).__name__)
print(a == b)
print(hash(a) == id(a) // 16)
