from mxnet import nd, autograd
x = nd.array([1., 2., 3.])
x.attach_grad()
with autograd.record():
    y = x * 2
    z = y.detach() * x
z.backward()
print(x.grad)
with autograd.record():
    y = x * x
    w = y.detach()
    z = w + y
z.backward()
print(x.grad)
