from mxnet import nd
x = nd.array([0.0, 1.0, 4.0])
print(x.exp())
print(x.sqrt())
print(x.square())
print((x - 2).relu())
print(x.sigmoid())
print((x + 1).log())
print(x.sin())
