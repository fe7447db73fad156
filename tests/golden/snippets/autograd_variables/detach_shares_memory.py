from mxnet import nd, autograd
x = nd.array([1., 2., 3.])
x.attach_grad()
d = x.detach()
print(type(d).__name__, d is x)
d[:] = 5
print(x)
x[1] = 9
print(d)
