import mxnet as mx
@mx.init.register
@mx.init.alias('myinit')
class CustomInit(mx.init.Initializer):
    def __init__(self):
        super(CustomInit, self).__init__()
    def _init_weight(self, _, arr):
        arr[:] = 0.1
    def _init_bias(self, _, arr):
        arr[:] = 1
for spec in ["custominit", "myinit", CustomInit()]:
    init = mx.init.create(spec)
    w = mx.nd.zeros((1, 3))
    b = mx.nd.zeros((1,))
    init(mx.init.InitDesc('fullyconnected0_weight'), w)
    init(mx.init.InitDesc('fullyconnected0_bias'), b)
    print(w.asnumpy(), b.asnumpy())
