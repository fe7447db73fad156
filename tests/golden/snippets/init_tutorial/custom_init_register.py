import mxnet as mx
@mx.init.register
class CustomInitTut(mx.init.Initializer):
    def __init__(self):
        super(CustomInitTut, self).__init__()
    def _init_weight(self, _, arr):
        arr[:] = 0.1
    def _init_bias(self, _, arr):
        arr[:] = 1
init = mx.init.create("custominittut")
w = mx.nd.zeros((2, 3))
b = mx.nd.zeros((3,))
init(mx.init.InitDesc("fullyconnected0_weight"), w)
init(mx.init.InitDesc("fullyconnected0_bias"), b)
print(w)
print(b)
