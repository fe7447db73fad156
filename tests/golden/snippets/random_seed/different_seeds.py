import mxnet as mx
mx.random.seed(1)
a = mx.random.uniform(shape=100)
mx.random.seed(2)
b = mx.random.uniform(shape=100)
mx.random.seed(1)
c = mx.random.uniform(shape=100)
print((a == b).asnumpy().all(), (a == c).asnumpy().all())
