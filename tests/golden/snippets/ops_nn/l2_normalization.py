from mxnet import nd
x = nd.array([[3, 4], [0, 5]])
print(nd.L2Normalization(x))
print(nd.L2Normalization(nd.arange(8).reshape((1, 2, 2, 2)), mode='channel'))
