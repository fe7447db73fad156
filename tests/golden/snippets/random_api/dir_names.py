import mxnet as mx
want = ['exponential', 'gamma', 'generalized_negative_binomial', 'multinomial',
        'negative_binomial', 'normal', 'poisson', 'randint', 'randn', 'seed', 'shuffle', 'uniform']
print([n for n in want if n in dir(mx.random)])
print([n for n in dir(mx.nd.random) if n in want or n.endswith('_like')])
print(hasattr(mx.nd.random, 'seed'), hasattr(mx.random, 'uniform_like'))
