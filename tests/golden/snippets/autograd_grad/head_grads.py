from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = x * x
print(autograd.grad(y, [x], head_grads=nd.array([2., 3.])))
with autograd.record():
    a = x * x
    b = x * 3
print(autograd.grad([a, b], [x], head_grads=[None, nd.array([1., 2.])])[0])
