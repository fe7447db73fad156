from mxnet import nd
x = nd.arange(6).reshape((2, 3))
for kd in [True, 1, "1", "true", "True"]:
    print(repr(kd), nd.sum(x, axis=1, keepdims=kd).shape)
