import mxnet as mx
inits = [mx.init.Uniform(), mx.init.Normal(), mx.init.Xavier(), mx.init.MSRAPrelu(),
         mx.init.Orthogonal(), mx.init.Bilinear(), mx.init.LSTMBias(), mx.init.Constant(9)]
for init in inits:
    b = mx.nd.ones((3,)) * 7
    g = mx.nd.ones((3,)) * 7
    be = mx.nd.ones((3,)) * 7
    init(mx.init.InitDesc('x_bias'), b)
    init(mx.init.InitDesc('x_gamma'), g)
    init(mx.init.InitDesc('x_beta'), be)
    print(type(init).__name__, b.asnumpy(), g.asnumpy(), be.asnumpy())
