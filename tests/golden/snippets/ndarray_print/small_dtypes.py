from mxnet import nd
print(nd.array([1, 2, 250], dtype='uint8'))
print(nd.array([-3, 4], dtype='int8'))
print(nd.array([1, 2], dtype='int64'))
print(nd.array([0.5, 1.25, 3.0], dtype='float16'))
