import mxnet as mx
class Xavier(mx.init.Initializer):
    def _init_weight(self, _, arr):
        arr[:] = 42
mx.init.register(Xavier)
print(type(mx.init.create('xavier')) is Xavier)
w = mx.nd.zeros((2, 2))
mx.init.create('xavier')(mx.init.InitDesc('w_weight'), w)
print(w)
mx.init.register(mx.init.Xavier)
print(type(mx.init.create('xavier')) is mx.init.Xavier)
print(mx.init.create('xavier').dumps())
