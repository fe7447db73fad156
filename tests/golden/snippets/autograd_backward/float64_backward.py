from mxnet import nd, autograd
x = nd.array([1., 2.], dtype='float64')
x.attach_grad()
with autograd.record():
    y = x * x * 0.5
y.backward()
print(x.grad)
print(x.grad.dtype)
