from mxnet import nd
x = nd.array([1, 2, 3], dtype='int32')
print((x + x).dtype, (x * 2).dtype, nd.sum(x).dtype, x.reshape((3, 1)).dtype)
h = nd.array([1, 2], dtype='float16')
print((h * h).dtype, nd.exp(h).dtype)
d = nd.array([1, 2], dtype='float64')
print(nd.sqrt(d).dtype, nd.mean(d).dtype)
