import mxnet as mx
from mxnet import nd, autograd
x = nd.array([1., 2.])
try:
    x.backward()
except mx.base.MXNetError as e:
    print('MXNetError', isinstance(e, RuntimeError), isinstance(e, mx.MXNetError))
x.attach_grad('null')
with autograd.record():
    y = x * 2
try:
    y.backward()
except RuntimeError as e:
    print(type(e).__name__, type(e) is mx.base.MXNetError)
