from mxnet import nd
a = nd.array([[1, 2], [3, 4]])
b = nd.array([[4, 3], [2, 1]])
for name in ['elemwise_add', 'elemwise_sub', 'elemwise_mul', 'elemwise_div']:
    print(name, getattr(nd, name)(a, b).asnumpy().tolist())
i = nd.array([7, -7], dtype='int32')
j = nd.array([2, 2], dtype='int32')
print(nd.elemwise_div(i, j), nd.elemwise_mul(i, j).dtype)
print(hasattr(nd, '_maximum'), hasattr(nd, 'maximum'))
