from mxnet import nd
print(nd.array([[1, 200], [-30, 4]], dtype='int32'))
