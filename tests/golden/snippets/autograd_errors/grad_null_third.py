from mxnet import nd, autograd
a = nd.array([1., 2.])
b = nd.array([3., 4.])
c = nd.array([5., 6.])
autograd.mark_variables([a, b, c], [nd.zeros(2), nd.zeros(2), nd.zeros(2)], ['write', 'add', 'null'])
with autograd.record():
    y = a * b * c
autograd.grad(y, [a, b, c])
