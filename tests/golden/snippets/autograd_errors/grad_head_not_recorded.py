from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
y = x * 2
autograd.grad(y, [x])
