from mxnet import nd
print(nd.array([1, -1, 0]) / 0)
print(nd.array([1.0]) / nd.array([0.0]))
print(nd.array([0.0]) % nd.array([0.0]))
