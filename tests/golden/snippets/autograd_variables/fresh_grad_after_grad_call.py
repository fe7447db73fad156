from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = x * x
g = autograd.grad(y, [x])
print(g[0])
print(x._fresh_grad)
print(x.grad)
