from mxnet import nd
print(nd.array([-1.5, 2.25, -0.125]))
print(nd.array([[-1, 2], [3, -4]]))
