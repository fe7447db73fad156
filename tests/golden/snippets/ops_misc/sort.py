from mxnet import nd
x = nd.array([[3, 1, 2], [0, 5, 4]])
print(nd.sort(x))
print(nd.sort(x, axis=0))
print(nd.sort(x, is_ascend=False))
print(nd.sort(x, axis=None))
