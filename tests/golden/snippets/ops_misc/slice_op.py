from mxnet import nd
x = nd.arange(24).reshape((2, 3, 4))
print(nd.slice(x, begin=(0, 1), end=(1, 3)))
print(nd.slice(x, begin=(None, None, 1), end=(None, None, None), step=(None, None, 2)).shape)
print(nd.slice(x, begin=(1, -1, -1), end=(None, None, 0), step=(1, -1, -2)))
print(nd.slice(nd.arange(10), begin=(8,), end=(2,), step=(-2,)))
