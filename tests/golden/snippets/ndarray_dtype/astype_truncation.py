from mxnet import nd
x = nd.array([-1.5, -0.5, 0.5, 1.5, 2.5])
y = x.astype('int32')
print(y)
print(y.dtype)
print(nd.array([-2.7, 2.7]).astype('int64'))
