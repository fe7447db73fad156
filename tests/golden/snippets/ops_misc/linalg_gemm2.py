from mxnet import nd
a = nd.arange(6).reshape((2, 3))
b = nd.arange(6).reshape((3, 2))
print(nd.linalg.gemm2(a, b))
print(nd.linalg.gemm2(a, a, transpose_b=True, alpha=0.5))
print(nd.linalg.gemm2(nd.ones((2, 2, 3)), nd.ones((2, 3, 1))).shape)
