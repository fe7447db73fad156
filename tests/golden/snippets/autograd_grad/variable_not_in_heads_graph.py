from mxnet import nd, autograd
x = nd.array([1., 2.])
w = nd.array([3., 4.])
x.attach_grad()
w.attach_grad()
with autograd.record():
    y = x * 2
print(autograd.grad(y, [x, w]))
