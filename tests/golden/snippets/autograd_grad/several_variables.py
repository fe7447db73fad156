from mxnet import nd, autograd
x = nd.array([1., 2.])
y = nd.array([3., 4.])
x.attach_grad()
y.attach_grad()
with autograd.record():
    z = x * y + x
gx, gy = autograd.grad(z, [x, y], retain_graph=True)
print(gx)
print(gy)
print(autograd.grad(z, [y, x]))
