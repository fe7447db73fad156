from mxnet import nd
x = nd.arange(12).reshape((3, 4))
print(nd.slice_axis(x, axis=1, begin=1, end=3))
print(nd.slice_axis(x, axis=0, begin=-2, end=None))
print(nd.slice_like(x, nd.zeros((2, 3))))
print(nd.slice_like(x, nd.zeros((2, 2)), axes=(1,)))
