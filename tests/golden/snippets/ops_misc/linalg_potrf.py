from mxnet import nd
a = nd.array([[4, 2], [2, 3]])
l = nd.linalg.potrf(a)
print(l)
print(nd.linalg.gemm2(l, l, transpose_b=True))
