from mxnet import nd
x = nd.array([3, 4], dtype='int32')
x.attach_grad(stype='default')
print(x.grad)
print(x.grad.dtype, x.grad.stype)
y = nd.array([[1., 2.]], dtype='float64')
y.attach_grad(stype='default')
print(y.grad.dtype, y.grad.shape)
