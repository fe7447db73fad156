from mxnet import nd
print(nd.array([1e-8, 1e8]))
print(nd.array([1e10, 1.0, 2.0]))
print(nd.array([0.0001, 123456.0]))
