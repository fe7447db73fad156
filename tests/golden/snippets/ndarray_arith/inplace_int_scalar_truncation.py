from mxnet import nd
x = nd.array([10, 20], dtype='int32')
x *= 1.5
print(x)
x /= 3
print(x)
