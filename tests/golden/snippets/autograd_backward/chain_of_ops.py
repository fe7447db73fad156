from mxnet import nd, autograd
x = nd.array([0.5, 1., 2.])
x.attach_grad()
with autograd.record():
    y = nd.sum(nd.tanh(nd.exp(x) * x) + nd.log(x) / (x + 1))
y.backward()
print(y)
print(x.grad)
