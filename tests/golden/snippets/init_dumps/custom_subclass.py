import mxnet as mx
class MyScaledInit(mx.init.Initializer):
    def __init__(self, factor=2.0, name="w"):
        super(MyScaledInit, self).__init__(factor=factor, name=name)
        self.factor = factor
    def _init_weight(self, _, arr):
        arr[:] = self.factor
print(MyScaledInit().dumps())
print(MyScaledInit(3, name="q").dumps())
class Sub(mx.init.Uniform):
    pass
print(Sub(0.2).dumps())
