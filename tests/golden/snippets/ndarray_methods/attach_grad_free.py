from mxnet import nd
x = nd.array([1, 2])
print(x.grad)
x.attach_grad()
print(x.grad)
