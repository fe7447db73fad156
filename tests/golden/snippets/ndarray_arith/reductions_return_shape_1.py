from mxnet import nd
x = nd.arange(6).reshape((2, 3))
for name in ['sum', 'mean', 'max', 'min', 'prod', 'norm']:
    r = getattr(x, name)()
    print(name, r.shape, r.asnumpy().tolist())
print(nd.sum(x))
