from mxnet import nd
x = nd.zeros((2, 6))
r = x.reshape((4, 3))[1:3]
r[:] = 1
print(x)
