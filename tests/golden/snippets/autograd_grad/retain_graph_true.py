from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = x * x
print(autograd.grad(y, [x], retain_graph=True)[0])
print(autograd.grad(y, [x], retain_graph=True)[0])
y.backward()
print(x.grad)
