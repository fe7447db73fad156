from mxnet import nd, autograd
x = nd.array([-2., -0.5, 0.5, 3.])
x.attach_grad()
with autograd.record():
    y = nd.relu(x)
    dx = autograd.grad(y, [x], create_graph=True)[0]
dx.backward()
print(dx)
print(x.grad)
