from mxnet import nd
print(nd.diag(nd.array([1, 2, 3])))
print(nd.diag(nd.arange(9).reshape((3, 3)), k=1))
print(nd.Cast(nd.array([1.9, -1.9]), dtype='int32'))
print(nd.cast(nd.array([1, 0]), dtype='float64').dtype)
