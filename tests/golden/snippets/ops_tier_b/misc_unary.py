from mxnet import nd
x = nd.array([0.25, 1, 4])
print(nd.rsqrt(x))
print(nd.cbrt(nd.array([8, -27])))
print(nd.reciprocal(x))
print(nd.negative(x))
print(nd.log2(x), nd.log10(nd.array([100])))
print(nd.erf(nd.array([0, 1])))
print(nd.gamma(nd.array([5.0])), nd.gammaln(nd.array([5.0])))
