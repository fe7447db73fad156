from mxnet import nd, autograd
a = nd.array([1., 2.])
a.attach_grad()
w = nd.array([3., 4.])
with autograd.record():
    y = a * w
y.backward()
print(a.grad)
with autograd.record():
    w[:] = 1
print(w)
print(w.grad)
