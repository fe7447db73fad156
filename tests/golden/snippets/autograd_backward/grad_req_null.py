from mxnet import nd, autograd
x = nd.array([1., 2.])
w = nd.array([3., 4.])
x.attach_grad('null')
w.attach_grad()
with autograd.record():
    y = x * w
y.backward()
print(x.grad)
print(w.grad)
