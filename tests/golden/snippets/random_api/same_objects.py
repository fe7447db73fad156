import mxnet as mx
for n in ['exponential', 'gamma', 'generalized_negative_binomial', 'multinomial',
          'negative_binomial', 'normal', 'poisson', 'randint', 'randn', 'shuffle', 'uniform']:
    print(n, getattr(mx.random, n) is getattr(mx.nd.random, n))
print(mx.nd.uniform is mx.nd.random.uniform, mx.nd.shuffle is mx.nd.random.shuffle)
print(mx.nd.random.uniform.__name__, mx.nd.random.uniform_like.__name__)
