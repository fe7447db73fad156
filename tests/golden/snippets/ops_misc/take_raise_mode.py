from mxnet import nd
print(nd.take(nd.arange(4), nd.array([1]), mode='raise'))
print(nd.take(nd.arange(4), nd.array([7]), mode='raise'))
