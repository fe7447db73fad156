from mxnet import nd
x = nd.array([0, 1e-5, 1, -0.5])
print(nd.log1p(x))
print(nd.expm1(x))
