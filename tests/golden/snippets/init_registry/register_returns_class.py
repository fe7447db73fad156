import mxnet as mx
class CustomInitReg3(mx.init.Initializer):
    def _init_weight(self, _, arr):
        arr[:] = 3
r = mx.init.register(CustomInitReg3)
print(r is CustomInitReg3)
deco = mx.init.alias('custom_reg3_alias')
print(callable(deco))
print(deco(CustomInitReg3) is CustomInitReg3)
print(type(mx.init.create('custom_reg3_alias')).__name__)
