from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = x * x
y.backward(retain_graph=True)
print(x.grad)
y.backward()
print(x.grad)
