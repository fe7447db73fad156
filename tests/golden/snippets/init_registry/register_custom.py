import mxnet as mx
@mx.init.register
class CustomInitReg1(mx.init.Initializer):
    def __init__(self):
        super(CustomInitReg1, self).__init__()
    def _init_weight(self, _, arr):
        arr[:] = 0.1
    def _init_bias(self, _, arr):
        arr[:] = 1
print(CustomInitReg1.__name__)
init = mx.init.create('custominitreg1')
print(type(init).__name__, init.dumps())
w = mx.nd.zeros((2, 2))
b = mx.nd.zeros((2,))
init(mx.init.InitDesc('fc_weight'), w)
init(mx.init.InitDesc('fc_bias'), b)
print(w)
print(b)
