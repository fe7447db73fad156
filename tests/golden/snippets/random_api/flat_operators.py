import mxnet as mx
nd = mx.nd
for x in [nd.random_uniform(0, 1, shape=(2, 3)), nd.random_uniform(0, 1, (2, 3)),
          nd.uniform(shape=(2, 3)), nd.random_normal(shape=2, dtype='float64'), nd.normal(shape=4),
          nd.random_randint(0, 5, shape=3), nd.random_poisson(lam=2, shape=(2,)),
          nd.random_exponential(shape=2), nd.random_gamma(shape=2),
          nd.random_negative_binomial(shape=2), nd.random_generalized_negative_binomial(shape=2),
          nd.sample_uniform(nd.array([0, 1]), nd.array([1, 2]), shape=3),
          nd.sample_normal(nd.array([0, 1]), nd.array([1, 2])),
          nd.sample_gamma(nd.array([1, 2]), nd.array([1, 2]), shape=2),
          nd.sample_exponential(nd.array([1, 2])), nd.sample_poisson(nd.array([1, 2]), shape=2),
          nd.sample_negative_binomial(nd.array([1, 2]), nd.array([0.5, 0.5])),
          nd.sample_generalized_negative_binomial(nd.array([1, 2]), nd.array([0.5, 0.5]))]:
    print(x.shape, x.dtype)
r = nd.sample_multinomial(nd.array([0.5, 0.5]), shape=3, get_prob=True)
print([(a.shape, a.dtype) for a in r])
