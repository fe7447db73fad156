from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
x.grad[:] = 42
with autograd.record():
    y = x * x * x
g = autograd.grad(y, [x])[0]
print(g)
print(x.grad)
g[:] = -1
print(x.grad)
print(g.dtype, g.shape)
