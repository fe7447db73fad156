import mxnet as mx
x = mx.random.randint(-3, 7, shape=2000)
a = x.asnumpy()
print(x.dtype, x.shape, a.min() >= -3, a.max() <= 6, sorted(set(a.tolist())) == list(range(-3, 7)))
y = mx.random.randint(0, 2 ** 40, shape=(3, 2), dtype='int64')
print(y.dtype, y.shape, (y.asnumpy() >= 0).all())
print(mx.random.randint(5, 6, shape=4).asnumpy())
print(mx.random.randint(0, 5, dtype='int32').dtype)
