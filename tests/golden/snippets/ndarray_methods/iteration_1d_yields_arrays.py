from mxnet import nd
for v in nd.array([1, 2, 3]):
    print(v.shape, v)
print(list(nd.arange(2))[1])
