import mxnet as mx
fs = [lambda: mx.random.negative_binomial(3, 0.4, shape=10),
      lambda: mx.random.generalized_negative_binomial(2, 0.5, shape=10),
      lambda: mx.nd.random.normal_like(mx.nd.zeros((3, 3))),
      lambda: mx.nd.random.gamma(mx.nd.array([1., 2.]), mx.nd.array([1., 1.]), shape=4)]
for f in fs:
    mx.random.seed(123)
    a = f()
    mx.random.seed(123)
    b = f()
    print((a == b).asnumpy().all(), a.shape)
