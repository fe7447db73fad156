from mxnet import nd
a = nd.array([[4, 2], [2, 3]])
print(nd.linalg.potri(nd.linalg.potrf(a)))
print(nd.linalg.inverse(a))
print(nd.linalg.det(a))
