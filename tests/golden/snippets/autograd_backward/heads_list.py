from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    a = x * x
    b = x * 3
autograd.backward([a, b])
print(x.grad)
