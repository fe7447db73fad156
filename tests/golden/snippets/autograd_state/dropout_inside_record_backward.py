import numpy as np
from mxnet import nd, autograd
x = nd.ones((500,))
x.attach_grad()
with autograd.record():
    y = nd.Dropout(x, p=0.5)
y.backward()
yv, gv = y.asnumpy(), x.grad.asnumpy()
print(sorted(set(yv.tolist())), sorted(set(gv.tolist())))
print(bool(np.array_equal(yv, gv)))
