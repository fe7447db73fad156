from mxnet import nd
nd.arange(24).reshape((5,))
