import warnings
warnings.simplefilter("ignore", DeprecationWarning)
import numpy as np
import mxnet as mx
from mxnet import test_utils as tu


def check(f):
    try:
        f()
        print('no error')
    except AssertionError as e:
        print('!! CAUGHT AssertionError: %s' % str(e).replace('\n', ' | '))


check(lambda: tu.assert_almost_equal(np.array([1, 2, 3.]), np.array([1, 2.5, 3])))
check(lambda: tu.assert_almost_equal(np.array([[1, 2], [3, 4.]]), np.array([[1, 2], [3, 5.]]),
                                     names=('x', 'y'), rtol=1e-3, atol=1e-3))
check(lambda: tu.assert_almost_equal(mx.nd.array([1, 2]), np.array([1, 2.0001])))
check(lambda: tu.assert_almost_equal(1.0, 1.1))
check(lambda: tu.assert_almost_equal(np.array([np.nan, 1]), np.array([np.nan, 1])))
check(lambda: tu.assert_almost_equal(np.array([np.nan, 1]), np.array([np.nan, 1]), equal_nan=True))
check(lambda: tu.assert_almost_equal(np.arange(30.), np.arange(30.) + 1))
check(lambda: tu.assert_almost_equal(np.arange(6.), np.arange(6.) + 1, mismatches=(2, 0)))
check(lambda: tu.assert_allclose(np.array([1., 2]), np.array([1, 2.1])))
check(lambda: tu.assert_almost_equal_ignore_nan(np.array([np.nan, 1.]), np.array([2, 1.5])))
check(lambda: tu.assert_almost_equal_with_err(np.array([1, 2, 3.]), np.array([1, 2.5, 3]), etol=0.5))
check(lambda: tu.assert_almost_equal_with_err(np.array([1, 2, 3.]), np.array([1, 2.5, 3]), etol=0.2))
check(lambda: tu.assert_exception(lambda x: 1 / x, ZeroDivisionError, 0))
check(lambda: tu.assert_exception(lambda x: 1 / x, ZeroDivisionError, 1))
check(lambda: tu.assert_almost_equal(np.ones(2), np.ones(3), use_broadcast=False))
print(tu.almost_equal(np.array([1, 2.]), np.array([1, 2.00001])), tu.same(np.array([1, 2]), np.array([1, 2])))
