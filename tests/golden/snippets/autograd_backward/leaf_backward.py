from mxnet import nd, autograd
x = nd.array([1., 2., 3.])
x.attach_grad()
x.backward()
print(x.grad)
y = nd.array([[1., 2.], [3., 4.]])
y.attach_grad()
y.backward(nd.array([[5., 6.], [7., 8.]]))
print(y.grad)
with autograd.record():
    x.backward()
print(x.grad)
