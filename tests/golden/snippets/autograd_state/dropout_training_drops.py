import numpy as np
from mxnet import nd, autograd
x = nd.ones((1000,))
with autograd.record():
    y = nd.Dropout(x, p=0.5)
v = y.asnumpy()
print(sorted(set(v.tolist())))
print(y.shape, y.dtype)
with autograd.train_mode():
    z = nd.Dropout(x, p=0.5)
print(sorted(set(z.asnumpy().tolist())))
with autograd.pause(train_mode=True):
    w = nd.Dropout(x, p=0.5)
print(sorted(set(w.asnumpy().tolist())))
