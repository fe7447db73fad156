from mxnet import nd
nd.array([1, 2]).copyto(nd.zeros(3))
