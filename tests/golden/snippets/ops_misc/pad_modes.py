from mxnet import nd
x = nd.arange(9).reshape((1, 1, 3, 3))
pw = (0, 0, 0, 0, 1, 2, 2, 1)
print(nd.pad(x, mode='constant', pad_width=pw)[0, 0])
print(nd.pad(x, mode='edge', pad_width=pw)[0, 0])
print(nd.pad(x, mode='reflect', pad_width=pw)[0, 0])
