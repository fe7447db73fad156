from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
g1 = x.grad
g2 = x.grad
print(g1 is g2, x.grad is x.grad)
print(type(g1).__name__)
with autograd.record():
    y = x * x * x
y.backward()
print(g1)
print(g2)
g1[0] = 100
print(x.grad)
print(g2)
