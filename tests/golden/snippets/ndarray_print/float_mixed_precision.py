from mxnet import nd
print(nd.array([1.0, 2.5, 3.125]))
print(nd.arange(0, 1, 0.1))
print(nd.array([[1.5, 2.0], [3.0, 4.75]]))
