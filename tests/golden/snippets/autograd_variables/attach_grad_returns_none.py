from mxnet import nd
x = nd.array([1., 2.])
print(x.grad)
print(x.attach_grad())
print(x.attach_grad('add'))
print(x.attach_grad(grad_req='null'))
print(x.grad)
