from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = x * x + x
y.backward()
print(x.grad)
with autograd.record():
    a = x * 2
    y = a * a + a * x
y.backward()
print(x.grad)
