from mxnet import nd
x = nd.array([[3, 4], [6, 8]])
print(nd.norm(x))
print(nd.norm(x, axis=1))
print(nd.norm(x, ord=1, axis=0))
print(nd.norm(x, axis=1, keepdims=True).shape)
