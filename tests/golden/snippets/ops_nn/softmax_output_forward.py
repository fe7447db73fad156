from mxnet import nd
x = nd.array([[1, 2, 3], [0, 0, 0]])
label = nd.array([2, 0])
print(nd.SoftmaxOutput(x, label))
print(nd.SoftmaxOutput(x, label, multi_output=False, grad_scale=3.0))
print(nd.SoftmaxOutput(nd.arange(8).reshape((1, 2, 4)), nd.zeros((1, 4)), multi_output=True))
