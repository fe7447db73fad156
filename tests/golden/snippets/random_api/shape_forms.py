import mxnet as mx
for s in [3, (3,), (2, 3), [2, 3], (1, 1, 4), '(2, 2)']:
    print(repr(s), mx.random.uniform(shape=s).shape, mx.random.normal(0, 2, s).shape)
print(mx.random.uniform(-1, 1, (2, 5)).shape)
