import numpy as np
import mxnet as mx
from mxnet import gluon

p = gluon.Parameter('weight', shape=(2, 3))
print(p)
print(p.name, p.shape, p.dtype, p.grad_req, p.lr_mult, p.wd_mult, p.init)
q = gluon.Parameter('b', shape=4, dtype='float16', lr_mult=2.0, wd_mult=0.5, grad_req='add')
print(q)
print(q.shape, q.dtype, q.grad_req, q.lr_mult, q.wd_mult)
r = gluon.Parameter('c', dtype=np.float64)
print(r)
print(r.shape)
s = gluon.Parameter('d', shape=(0, 5), dtype='int32', init=mx.init.One())
print(s)
print(type(s.init).__name__)
t = gluon.Parameter('e', shape=(3,), dtype=np.float16, differentiable=False)
print(t, t.grad_req)
