from mxnet import nd
x = nd.array([[1, 4, 3], [8, 5, 7]])
print(nd.topk(x, k=2, axis=None))
print(nd.topk(x, k=2, axis=None, ret_typ='value'))
print(nd.topk(x, k=1, axis=0, ret_typ='both'))
