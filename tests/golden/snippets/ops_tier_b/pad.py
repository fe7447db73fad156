from mxnet import nd
x = nd.arange(8).reshape((1, 2, 2, 2))
print(nd.pad(x, mode='constant', pad_width=(0, 0, 0, 0, 1, 1, 1, 1), constant_value=-1))
print(nd.pad(x, mode='edge', pad_width=(0, 0, 0, 0, 1, 0, 0, 1))[0, 1])
