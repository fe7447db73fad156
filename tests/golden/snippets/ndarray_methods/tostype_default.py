from mxnet import nd
x = nd.array([[0, 1], [2, 0]])
y = x.tostype('default')
print(y.stype, y)
print(y is x)
