from mxnet import nd
x = nd.array([3, 4], dtype='int32')
x.attach_grad()
print(x.grad)
