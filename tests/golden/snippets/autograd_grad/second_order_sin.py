from mxnet import nd, autograd
x = nd.array([0., 0.5, 1., 2.])
x.attach_grad()
with autograd.record():
    y = nd.sin(x)
    dx = autograd.grad(y, [x], create_graph=True)[0]
dx.backward()
print(dx)
print(x.grad)
