from mxnet import nd
x = nd.exp(nd.array([1, 1])) + 1
print([x, x])
print(repr([x]))
