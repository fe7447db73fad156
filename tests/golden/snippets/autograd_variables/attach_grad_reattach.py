from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = x * x
y.backward()
old = x.grad
print(old)
x.attach_grad()
print(x.grad)
print(old)
with autograd.record():
    y = x * 5
y.backward()
print(x.grad)
print(old)
