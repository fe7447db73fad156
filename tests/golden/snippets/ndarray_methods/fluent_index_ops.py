from mxnet import nd
x = nd.array([[3, 1, 2], [0, 5, 4]])
print(x.sort())
print(x.argsort(axis=1))
print(x.topk(k=2))
print(x.pick(nd.array([2, 1]), axis=1))
print(nd.array([0, 2]).one_hot(3))
print(x.softmax().shape)
