from mxnet import nd
r = nd.split(nd.arange(4).reshape((1, 4)), num_outputs=1, axis=0)
print(type(r).__name__, r.shape)
