from mxnet import nd, autograd
x = nd.array([1., 2., 3.])
g = nd.zeros(3)
print(autograd.mark_variables(x, g))
with autograd.record():
    y = x * x
y.backward()
print(g)
print(x.grad)
print(x._fresh_grad)
