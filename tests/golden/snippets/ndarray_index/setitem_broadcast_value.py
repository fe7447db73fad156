from mxnet import nd
x = nd.zeros((3, 4))
x[:] = nd.array([1, 2, 3, 4])
print(x)
x[1:] = nd.array([[5], [6]])
print(x)
