from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    a = x * x
    b = nd.exp(x * 0) * x
print(autograd.grad([a, b], [x])[0])
