from mxnet import nd, autograd
x = nd.array([0.5, 1., 2., 4.])
x.attach_grad()
with autograd.record():
    y = nd.log(x)
    dx = autograd.grad(y, [x], create_graph=True)[0]
dx.backward()
print(dx)
print(x.grad)
