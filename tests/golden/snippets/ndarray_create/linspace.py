from mxnet import nd
print(nd.linspace(0, 1, 5))
print(nd.linspace(0, 1, 5, endpoint=False))
print(nd.linspace(2, 3, 3, dtype='float64').dtype)
