from mxnet import nd, autograd
x = nd.array([1., 2.])
g = nd.zeros(2)
autograd.mark_variables([x], [g])
with autograd.record():
    y = x * 3
y.backward()
print(g)
g[:] = 7
print(x.grad)
x.grad[:] = 1
print(g)
print(x.grad is g)
