import mxnet as mx
mx.random.seed(5)
a = mx.random.uniform(shape=10)
b = mx.random.uniform(shape=10)
c = mx.random.normal(shape=10)
mx.random.seed(5)
a2 = mx.random.uniform(shape=10)
b2 = mx.random.uniform(shape=10)
c2 = mx.random.normal(shape=10)
print((a == b).asnumpy().all(), (a == a2).asnumpy().all(), (b == b2).asnumpy().all(),
      (c == c2).asnumpy().all())
