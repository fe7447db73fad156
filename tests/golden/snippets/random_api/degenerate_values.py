import mxnet as mx
print(mx.random.uniform(1, 1, shape=3))
print(mx.random.poisson(0, shape=3))
print(mx.random.negative_binomial(2, 1, shape=3))
print(mx.random.negative_binomial(0, 0.5, shape=3))
print(mx.random.generalized_negative_binomial(0, 0, shape=3))
print(mx.nd.random.poisson_like(mx.nd.zeros((2,)), lam=0))
