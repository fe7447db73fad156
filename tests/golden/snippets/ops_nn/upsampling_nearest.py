from mxnet import nd
x = nd.arange(4).reshape((1, 1, 2, 2))
print(nd.UpSampling(x, scale=2, sample_type='nearest'))
