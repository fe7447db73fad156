import warnings
warnings.simplefilter("ignore", DeprecationWarning)
import numpy as np
import mxnet as mx
from mxnet import test_utils as tu
np.random.seed(0)
a = mx.sym.Variable('a')
b = mx.sym.Variable('b')
s = mx.sym.FullyConnected(a, weight=b, num_hidden=3, no_bias=True, name='fc')
x = np.arange(8.).reshape(2, 4) / 8
w = np.arange(12.).reshape(3, 4) / 12
print(tu.simple_forward(s, a=x, b=w))
out = tu.check_symbolic_forward(s, [x, w], [x.dot(w.T)])
print(out)
g = tu.check_symbolic_backward(s, [x, w], [np.ones((2, 3))], [np.ones((2, 3)).dot(w), np.ones((2, 3)).T.dot(x)])
print(sorted(g), g['a'])
tu.check_symbolic_backward(s, {'a': x, 'b': w}, [np.ones((2, 3))], {'a': np.ones((2, 3)).dot(w)}, grad_req={'a': 'write', 'b': 'null'})
tu.check_numeric_gradient(s, [x, w])
tu.check_numeric_gradient(mx.sym.tanh(a), [x], numeric_eps=1e-3, rtol=1e-2)
tu.check_numeric_gradient(s, {'a': x, 'b': w}, grad_nodes=['b'])
try:
    tu.check_symbolic_forward(s, {'a': x}, [x])
except ValueError as e:
    print('!! CAUGHT ValueError:', str(e).split('symbol args')[0])
try:
    tu.check_symbolic_forward(s, [x, w], [x.dot(w.T) + 0.5])
except AssertionError as e:
    print('!! CAUGHT AssertionError:', str(e).replace('\n', ' | '))
gt = tu.check_consistency(s, [{'ctx': mx.cpu(0), 'a': (2, 4), 'type_dict': {'a': np.float32}},
                              {'ctx': mx.cpu(0), 'a': (2, 4), 'type_dict': {'a': np.float64}}])
print(sorted(gt), gt['fc_output'].dtype)
print('done')
