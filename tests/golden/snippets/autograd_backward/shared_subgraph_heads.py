from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = x * 2
    h1 = y * 3
    h2 = y * 4
autograd.backward([h1, h2])
print(x.grad)
