import mxnet as mx
for dtype in ['float32', 'float64', 'int32', 'float16']:
    a = mx.nd.ones((2, 3), dtype=dtype) * 5
    mx.init.Zero()(mx.init.InitDesc('w_weight'), a)
    b = mx.nd.zeros((2, 3), dtype=dtype)
    mx.init.One()(mx.init.InitDesc('w_weight'), b)
    print(dtype, a.dtype, a.asnumpy().tolist(), b.asnumpy().tolist())
