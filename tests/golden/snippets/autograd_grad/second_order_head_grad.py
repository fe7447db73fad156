from mxnet import nd, autograd
x = nd.array([0.5, 1.])
x.attach_grad()
with autograd.record():
    y = nd.sin(x)
    dx = autograd.grad(y, [x], head_grads=nd.array([2., 3.]), create_graph=True)[0]
dx.backward(nd.array([1., 10.]))
print(dx)
print(x.grad)
