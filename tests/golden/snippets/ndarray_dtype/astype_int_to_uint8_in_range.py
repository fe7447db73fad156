from mxnet import nd
x = nd.array([0, 100, 255], dtype='int32')
print(x.astype('uint8'))
print(nd.array([3, 200], dtype='uint8').astype('int32'))
