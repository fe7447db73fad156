from mxnet import nd
x = nd.array([[1, 4, 3, 2], [8, 5, 7, 6]])
print(nd.topk(x))
print(nd.topk(x, k=2))
print(nd.topk(x, k=2, ret_typ='value'))
print(nd.topk(x, k=1, axis=0, ret_typ='value'))
