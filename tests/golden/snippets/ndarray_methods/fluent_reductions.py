from mxnet import nd
x = nd.array([[1, 2], [3, 4]])
print(x.sum(axis=0), x.mean(axis=1), x.max(axis=0))
print(x.min(), x.prod(), x.norm())
print(x.argmax(axis=1), x.argmin(axis=0))
print(x.nansum(), x.abs().shape)
