from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = x * x
autograd.backward(y, nd.array([3., 5.]))
print(x.grad)
with autograd.record():
    y = x * x
y.backward(nd.array([0.5, -1.]))
print(x.grad)
with autograd.record():
    y = x * x
autograd.backward([y], [nd.array([1., 1.])])
print(x.grad)
