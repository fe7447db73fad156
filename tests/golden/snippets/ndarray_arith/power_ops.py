from mxnet import nd
x = nd.array([1, 2, 3])
print(x ** 2)
print(x ** x)
print(nd.power(x, nd.array([2, 0.5, 1])))
print(nd.array([4, 9], dtype='int32') ** 2)
