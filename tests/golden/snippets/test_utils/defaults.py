import warnings
warnings.simplefilter("ignore", DeprecationWarning)
import numpy as np
import mxnet as mx
from mxnet import test_utils as tu
print(tu.default_context(), tu.default_dtype())
for d in (tu.default_rtols(), tu.default_atols(), tu.default_numeric_eps()):
    print(sorted((np.dtype(k).name, v) for k, v in d.items()))
print(tu.get_rtol(), tu.get_atol(), tu.get_etol(), tu.get_rtol(None, np.dtype(np.float32)), tu.get_atol(0.5))
print(tu.get_tols(np.ones(2, dtype=np.float16), np.ones(2), None, None))
print(tu.get_tols(mx.nd.ones(2), np.ones(2), None, None))
x = mx.nd.ones((2, 3))
print(tu.same_array(x, x[:]), tu.same_array(x, x.copy()), x.asnumpy().tolist())
print(tu.collapse_sum_like(np.ones((2, 3, 4)), (3, 1)).tolist())
print(tu.np_reduce(np.arange(24.).reshape(2, 3, 4), (0, 2), True, np.sum).tolist())
print(tu.np_reduce(np.arange(24.).reshape(2, 3, 4), 1, False, np.max).tolist())
np.random.seed(3)
print(tu.rand_shape_2d(), tu.rand_shape_3d(4, 5, 6), tu.rand_shape_nd(4, 3))
a = tu.random_arrays((2, 3))
b = tu.random_arrays((2,), (3, 1))
print(type(a).__name__, a.dtype, a.shape, type(b).__name__, [x.shape for x in b])
r = tu.rand_ndarray((3, 2))
print(r.shape, r.dtype, r.context)
print([x.shape for x in tu.random_uniform_arrays((2,), (1, 2), low=-1, high=1)])
tu.set_default_context(mx.cpu(1))
print(tu.default_context(), mx.nd.zeros(1).context)
tu.set_default_context(mx.cpu(0))
import os
with tu.environment('MXCOMPAT_TEST_VAR', 'abc'):
    print(os.environ.get('MXCOMPAT_TEST_VAR'))
print(os.environ.get('MXCOMPAT_TEST_VAR'))
