from mxnet import nd
x = nd.zeros((4,))
y = x.reshape((2, 2))
y[1] = 5
print(x)
x[0] = 1
print(y)
