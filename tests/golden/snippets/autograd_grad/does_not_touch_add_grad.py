from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad('add')
with autograd.record():
    y = x * 3
print(autograd.grad(y, [x], retain_graph=True)[0])
print(autograd.grad(y, [x])[0])
print(x.grad)
