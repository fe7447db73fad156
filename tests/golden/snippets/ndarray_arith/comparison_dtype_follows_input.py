from mxnet import nd
i = nd.array([1, 2], dtype='int32')
print(i == 1)
print(nd.array([0.2, 0.7]) > 0.5)
d = nd.array([1, 2], dtype='float64') <= 1
print(d, d.dtype)
