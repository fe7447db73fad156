from mxnet import nd
x = nd.array([[1, 4, 3, 2], [8, 5, 7, 6]])
print(nd.topk(x, k=2, ret_typ='indices'))
print(nd.topk(x, k=2, ret_typ='value'))
v, i = nd.topk(x, k=2, ret_typ='both')
print(v, i)
print(nd.topk(x, k=2, ret_typ='mask'))
print(nd.topk(x, k=2, is_ascend=True, ret_typ='value'))
print(nd.topk(x, k=3, ret_typ='indices', dtype='int32'))
