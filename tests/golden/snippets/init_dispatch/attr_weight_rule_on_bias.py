import mxnet as mx
import numpy as np
a = mx.nd.zeros((1000,))
mx.init.Uniform()(mx.init.InitDesc('fc_bias', attrs={'__init__': 'uniform'}), a)
v = a.asnumpy()
print(bool((v != 0).any()), bool((np.abs(v) <= 0.07).all()))
b = mx.nd.zeros((500,))
mx.init.Zero()(mx.init.InitDesc('bn_moving_mean', attrs={'__init__': '["normal", {"sigma": 2}]'}), b)
print(bool((b.asnumpy() != 0).any()), b.shape, b.dtype)
c = mx.nd.zeros((4,))
mx.init.Zero()(mx.init.InitDesc('lstm_i2h_bias', attrs={'__init__': '["lstmbias", {"forget_bias": 2.5}]'}), c)
print(c)
