from mxnet import nd
x = nd.arange(16).reshape((1, 1, 4, 4))
print(nd.Pooling(x, kernel="(2,2)", stride="(2, 2)", pool_type="max"))
print(nd.Convolution(x, nd.ones((1, 1, 2, 2)), kernel="(2,2)", num_filter="1", no_bias="True", stride="[2,2]"))
