from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = x * 2
    z = nd.array([5., 6.]) * 2
print(y.grad, z.grad)
y.backward()
print(y.grad)
d = x.detach()
print(d.grad)
