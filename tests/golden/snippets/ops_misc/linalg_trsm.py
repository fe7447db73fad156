from mxnet import nd
l = nd.array([[2, 0], [1, 4]])
b = nd.array([[2, 4], [9, 6]])
print(nd.linalg.trsm(l, b))
print(nd.linalg.trsm(l, b, transpose=True, alpha=2.0))
print(nd.linalg.trsm(l, b, rightside=True))
