from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    a = x * x
    b = x * 3
autograd.backward([a, b], [nd.ones(2), None])
print(x.grad)
with autograd.record():
    a = x * x
    b = x * 3
autograd.backward([a, b], [None, nd.array([10., 100.])])
print(x.grad)
with autograd.record():
    a = x * x
    b = x * 3
autograd.backward([a, b], [None, None])
print(x.grad)
