from mxnet import nd
x = nd.array([1., 2.])
x.backward()
