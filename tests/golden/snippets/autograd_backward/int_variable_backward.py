from mxnet import nd, autograd
x = nd.array([1, 2, 3], dtype='int32')
x.attach_grad()
with autograd.record():
    y = x * 2
y.backward()
print(x.grad)
