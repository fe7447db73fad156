from mxnet import nd
a = nd.arange(4).reshape((2, 2))
c = nd.ones((2, 2))
print(nd.linalg.gemm(a, a, c, alpha=2.0, beta=10.0))
