from mxnet import nd
x = nd.arange(8).reshape((2, 2, 2))
print(nd.SoftmaxActivation(nd.array([[1, 2], [3, 5]])))
print(nd.SoftmaxActivation(x, mode='channel'))
print(nd.SoftmaxActivation(x, mode='instance'))
