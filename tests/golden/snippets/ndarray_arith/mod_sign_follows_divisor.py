from mxnet import nd
print(nd.array([-7., 7.]) % nd.array([3., -3.]))
print(nd.array([-7, 7], dtype='int32') % 3)
print(nd.array([-7, 7], dtype='int32') % nd.array([3, -3], dtype='int32'))
print(nd.array([5.5, -5.5]) % 2)
