import inspect
import mxnet as mx
for n in ['uniform', 'normal', 'randn', 'poisson', 'exponential', 'gamma', 'negative_binomial',
          'generalized_negative_binomial', 'randint', 'multinomial', 'shuffle']:
    print(n, inspect.signature(getattr(mx.random, n)))
print(inspect.signature(mx.random.seed))
