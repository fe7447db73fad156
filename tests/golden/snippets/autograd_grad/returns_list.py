from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = x * x
g = autograd.grad(y, x)
print(type(g).__name__, len(g))
print(g)
with autograd.record():
    y = x * x
g = autograd.grad([y], [x])
print(type(g).__name__, len(g))
