from mxnet import nd, autograd
x = nd.array([1., 2., 3., 4.])
x.attach_grad()
with autograd.record():
    y = x[1:3] * 10
y.backward()
print(x.grad)
with autograd.record():
    r = x.reshape((2, 2))
    z = r * r
z.backward()
print(x.grad)
with autograd.record():
    s = nd.slice_axis(x, axis=0, begin=0, end=2) * 3
s.backward()
print(x.grad)
