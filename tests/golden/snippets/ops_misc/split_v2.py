from mxnet import nd
x = nd.arange(10)
parts = nd.split_v2(x, (2, 5))
print([p.asnumpy().tolist() for p in parts])
parts = nd.split_v2(nd.arange(12).reshape((2, 6)), 3, axis=1)
print(len(parts), parts[1])
