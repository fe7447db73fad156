from mxnet import nd
print({'a': nd.array([1])})
