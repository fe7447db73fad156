import mxnet as mx
import numpy as np
init = mx.initializer.Mixed(['bias', '.*'], [mx.init.Zero(), mx.init.Uniform(0.1)])
w = mx.nd.zeros((1, 3))
b = mx.nd.ones((1,)) * 5
init(mx.init.InitDesc('fullyconnected1_weight'), w)
init(mx.init.InitDesc('fullyconnected1_bias'), b)
print('fullyconnected1_weight', w.shape, bool((np.abs(w.asnumpy()) <= 0.1).all()))
print('fullyconnected1_bias')
print(b.asnumpy())
