from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = x * x
print(y.backward(retain_graph=True))
print(autograd.backward(y, retain_graph=True))
print(autograd.backward([y]))
print(x.grad)
