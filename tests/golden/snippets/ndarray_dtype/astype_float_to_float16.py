from mxnet import nd
x = nd.array([1.0, 0.1, 65504.0, 70000.0])
y = x.astype('float16')
print(y)
print(y.astype('float32'))
