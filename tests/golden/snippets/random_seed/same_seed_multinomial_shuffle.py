import mxnet as mx
p = mx.nd.array([[0.2, 0.3, 0.5]] * 3)
mx.random.seed(11)
a = mx.random.multinomial(p, shape=20)
s1 = mx.random.shuffle(mx.nd.arange(30))
mx.random.seed(11)
b = mx.random.multinomial(p, shape=20)
s2 = mx.random.shuffle(mx.nd.arange(30))
print((a == b).asnumpy().all(), (s1 == s2).asnumpy().all(), (s1 == mx.nd.arange(30)).asnumpy().all())
