import mxnet as mx
from mxnet import nd

x = nd.array([[1.0, float('nan'), float('inf')], [-float('inf'), 0.0, -2.5]])
print(nd.contrib.isnan(x))
print(nd.contrib.isinf(x))
print(nd.contrib.isfinite(x))
y = nd.array([[0.5, -1.0, 2.0], [3.0, -0.25, 4.0]])
print(nd.contrib.quadratic(y, a=2, b=-1, c=0.5))
print(nd.contrib.div_sqrt_dim(nd.arange(8).reshape((2, 4))))
print(nd.contrib.round_ste(y * 1.3))
print(nd.contrib.sign_ste(y))
print(nd.contrib.gradientmultiplier(y, scalar=-2.0))
print(nd.contrib.allclose(y, y + 1e-9))
print(nd.contrib.allclose(y, y + 1e-3))
print(nd.contrib.allclose(y, y + 1e-3, rtol=1e-2, atol=1e-2))
n = nd.array([1.0, float('nan')])
print(nd.contrib.allclose(n, n), nd.contrib.allclose(n, n, equal_nan=False))
