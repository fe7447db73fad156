import mxnet as mx
for f in [mx.random.uniform, mx.random.normal, mx.random.poisson, mx.random.exponential,
          mx.random.gamma, mx.random.negative_binomial, mx.random.generalized_negative_binomial]:
    x = f()
    print(f.__name__, x.shape, x.dtype, x.context)
x = mx.random.randint(0, 10)
print('randint', x.shape, x.dtype, x.context)
