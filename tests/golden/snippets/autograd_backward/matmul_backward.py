from mxnet import nd, autograd
a = nd.array([[1., 2.], [3., 4.]])
b = nd.array([[5., 6.], [7., 8.]])
a.attach_grad()
b.attach_grad()
with autograd.record():
    c = nd.dot(a, b)
c.backward()
print(a.grad)
print(b.grad)
