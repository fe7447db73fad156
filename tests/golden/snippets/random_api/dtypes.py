import numpy as np
import mxnet as mx
for dt in ['float16', 'float32', 'float64', np.float64, np.float16]:
    print(mx.random.uniform(shape=2, dtype=dt).dtype, mx.random.normal(shape=2, dtype=dt).dtype,
          mx.random.exponential(shape=2, dtype=dt).dtype)
print(mx.random.uniform(shape=2, dtype=None).dtype)
print(mx.random.poisson(2, shape=2).dtype, mx.random.gamma(shape=2, dtype='float64').dtype)
