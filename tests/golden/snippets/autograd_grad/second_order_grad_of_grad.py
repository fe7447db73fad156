from mxnet import nd, autograd
x = nd.array([0.5, 1.])
x.attach_grad()
with autograd.record():
    y = nd.sin(x)
    dx = autograd.grad(y, [x], create_graph=True)[0]
    d2x = autograd.grad(dx, [x], create_graph=True)[0]
print(dx)
print(d2x)
