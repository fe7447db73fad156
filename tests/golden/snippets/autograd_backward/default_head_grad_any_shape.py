from mxnet import nd, autograd
x = nd.array([[1., 2., 3.], [4., 5., 6.]])
x.attach_grad()
with autograd.record():
    y = x * x
y.backward()
print(x.grad)
with autograd.record():
    s = nd.sum(x * 2)
print(s.shape)
s.backward()
print(x.grad)
z = nd.arange(8).reshape((2, 2, 2))
z.attach_grad()
with autograd.record():
    w = nd.exp(z * 0)
w.backward()
print(z.grad)
