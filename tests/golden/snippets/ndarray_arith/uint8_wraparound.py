from mxnet import nd
x = nd.array([250], dtype='uint8')
print(x + 10)
print(nd.array([5], dtype='uint8') - 10)
print(nd.array([200, 100], dtype='uint8') + nd.array([100, 100], dtype='uint8'))
