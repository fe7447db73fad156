from mxnet import nd
a = nd.array([[1, 2, 3], [4, 5, 6]])
b = nd.array([[2], [-3]])
for name in ['broadcast_add', 'broadcast_sub', 'broadcast_mul', 'broadcast_div', 'broadcast_mod',
             'broadcast_power', 'broadcast_maximum', 'broadcast_minimum', 'broadcast_hypot']:
    print(name, getattr(nd, name)(a, b).asnumpy().tolist())
