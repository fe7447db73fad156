import mxnet as mx
s = mx.nd.array([1.0, 100.0])
x = mx.random.exponential(s, shape=4000).asnumpy()
print(x.shape, 0.8 < x[0].mean() < 1.2, 80 < x[1].mean() < 120)
x = mx.random.exponential(scale=0.01, shape=4000).asnumpy()
print(0.008 < x.mean() < 0.012)
