import mxnet as mx
for dt in ['float16', 'float32', 'float64']:
    d = mx.nd.zeros((2, 3), dtype=dt)
    for n in ['uniform_like', 'normal_like', 'gamma_like', 'exponential_like', 'poisson_like',
              'negative_binomial_like', 'generalized_negative_binomial_like']:
        r = getattr(mx.nd.random, n)(d)
        print(dt, n, r.shape, r.dtype)
x = mx.nd.random.uniform_like(mx.nd.zeros((50,)), low=2, high=3).asnumpy()
print((x >= 2).all() and (x < 3).all())
x = mx.nd.random.uniform_like(mx.nd.zeros((50,)), 5, 6).asnumpy()
print((x >= 5).all() and (x < 6).all())
print(mx.nd.random.uniform_like(data=mx.nd.zeros((4,))).shape)
