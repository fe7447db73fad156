import mxnet as mx
for dt in ['float16', 'float32', 'float64', 'int32']:
    p = mx.nd.array([1, 2], dtype=dt)
    print(dt, mx.random.normal(p, p).dtype, mx.random.uniform(p, p + 1).dtype,
          mx.random.exponential(p).dtype)
p = mx.nd.array([1, 2])
print(mx.random.normal(p, p, dtype='float64').dtype, mx.random.uniform(p, p + 1, dtype='float16').dtype)
