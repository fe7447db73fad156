from mxnet import nd
if nd.array([1, 2]):
    print('yes')
