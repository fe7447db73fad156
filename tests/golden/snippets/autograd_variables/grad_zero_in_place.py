from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad('add')
with autograd.record():
    y = x * 4
y.backward()
print(x.grad)
x.grad[:] = 0
print(x.grad)
with autograd.record():
    y = x * 4
y.backward()
print(x.grad)
