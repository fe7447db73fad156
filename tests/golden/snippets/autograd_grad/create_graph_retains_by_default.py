from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = nd.exp(x)
g = autograd.grad(y, [x], create_graph=True)
print(g[0])
y.backward()
print(x.grad)
