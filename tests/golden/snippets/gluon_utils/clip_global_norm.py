# clip_global_norm: scales in place when the joint norm exceeds max_norm, returns the norm
import numpy as np
from mxnet import nd, gluon
U = gluon.utils
a = nd.array([3.0, 4.0])
b = nd.array([[12.0]])
n = U.clip_global_norm([a, b], 1.0)
print(n, type(n).__name__)
print(a, b)
a = nd.array([3.0, 4.0])
n = U.clip_global_norm([a], 10.0)
print(n, a)
a = nd.array([[1.0, 2.0], [2.0, 4.0]])
r = U.clip_global_norm([a], 2.5, check_isfinite=False)
print(r, a)
a = nd.array([np.nan, 4.0])
b = nd.array([1.0, 2.0])
print(U.clip_global_norm([a, b], 1.0), a, b)
a = nd.array([np.inf, 4.0])
b = nd.array([1.0, 2.0])
print(U.clip_global_norm([a, b], 1.0), a, b)
a = nd.array([3.0, 4.0], dtype='float64')
try:
    U.clip_global_norm([a], 1.0)
except Exception as e:
    print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).split('MXNetError: ')[-1].strip()))
print(a)
