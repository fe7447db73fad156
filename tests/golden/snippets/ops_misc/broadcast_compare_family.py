from mxnet import nd
a = nd.array([[1, 2, 3], [4, 5, 6]])
b = nd.array([3, 5, 3])
for name in ['broadcast_equal', 'broadcast_not_equal', 'broadcast_greater', 'broadcast_greater_equal',
             'broadcast_lesser', 'broadcast_lesser_equal']:
    print(name, getattr(nd, name)(a, b).asnumpy().tolist())
