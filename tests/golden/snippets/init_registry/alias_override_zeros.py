import mxnet as mx
@mx.init.alias('zeros')
class Sevens(mx.init.Initializer):
    def _init_weight(self, _, arr):
        arr[:] = 7
print(type(mx.init.create('zeros')).__name__)
print(type(mx.init.create('zero')).__name__)
mx.init.alias('zeros')(mx.init.Zero)
print(type(mx.init.create('zeros')).__name__)
