from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
w = nd.array([3., 4.])
with autograd.record():
    y = x * w
autograd.grad(y, [w, x])
