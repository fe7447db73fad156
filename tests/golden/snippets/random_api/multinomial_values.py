import mxnet as mx
print(mx.random.multinomial(mx.nd.array([0., 0., 1.]), shape=4))
print(mx.random.multinomial(mx.nd.array([0., 0., 0.]), shape=4))
print(mx.random.multinomial(mx.nd.array([1.3, 0.7]), shape=5))
s, lp = mx.random.multinomial(mx.nd.array([[0., 1.], [1., 0.]]), shape=3, get_prob=True)
print(s)
print(lp)
