from mxnet import nd
print((nd.array([1]),))
print((nd.array([1]), nd.array([2], dtype='int32')))
