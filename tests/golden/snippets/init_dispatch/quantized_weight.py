import mxnet as mx
import numpy as np
for dtype in ['int8', 'float32']:
    a = mx.nd.zeros((2, 4), dtype=dtype)
    mx.init.Zero()(mx.init.InitDesc('conv_weight_quantize'), a)
    v = a.asnumpy()
    print(a.shape, a.dtype, bool((v == v.flat[0]).all()), bool(-127 <= v.flat[0] < 127))
b = mx.nd.ones((3,), dtype='int8')
mx.init.Zero()(mx.init.InitDesc('conv_bias_quantize'), b)
print(b)
