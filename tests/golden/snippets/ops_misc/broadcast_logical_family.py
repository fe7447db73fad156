from mxnet import nd
a = nd.array([[0, 1, 2], [3, 0, 0]])
b = nd.array([1, 0, 1])
for name in ['broadcast_logical_and', 'broadcast_logical_or', 'broadcast_logical_xor']:
    print(name, getattr(nd, name)(a, b).asnumpy().tolist())
print(nd.logical_not(b))
