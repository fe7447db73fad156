from mxnet import nd
x = nd.array([[1., 2.], [3., 4.]])
x.attach_grad(stype='row_sparse')
print(type(x.grad).__name__)
print(x.grad.stype, x.grad.shape, x.grad.dtype)
