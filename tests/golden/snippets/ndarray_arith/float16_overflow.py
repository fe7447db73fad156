from mxnet import nd
x = nd.array([1, 2], dtype='float16')
y = x + 1e5
print(y, y.dtype)
print(x * 40000)
