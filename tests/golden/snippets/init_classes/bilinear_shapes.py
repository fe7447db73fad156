import mxnet as mx
import numpy as np
np.set_printoptions(precision=6)
for shape in [(1, 1, 3, 5), (1, 1, 5, 2), (1, 1, 1, 1), (1, 2, 5, 5), (1, 1, 2, 6)]:
    a = mx.nd.zeros(shape)
    mx.init.Bilinear()(mx.init.InitDesc('up_weight'), a)
    print(shape)
    print(a.asnumpy())
