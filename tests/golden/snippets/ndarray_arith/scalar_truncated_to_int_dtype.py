from mxnet import nd
x = nd.array([1, 2], dtype='int32')
print(x + 2.5)
print(x * 2.5)
print(x / 2)
print(x ** 0.5)
print(2.5 - x)
print(x - 0.9)
