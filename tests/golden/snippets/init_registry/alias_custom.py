import mxnet as mx
@mx.init.register
@mx.init.alias('myinit_b', 'MyOther_B')
class CustomInitReg2(mx.init.Initializer):
    def __init__(self, v=2):
        super(CustomInitReg2, self).__init__(v=v)
        self.v = v
    def _init_weight(self, _, arr):
        arr[:] = self.v
for name in ['myinit_b', 'myother_b', 'MYOTHER_B', 'custominitreg2']:
    print(name, type(mx.init.create(name)).__name__)
print(mx.init.create('myinit_b', v=5).dumps())
w = mx.nd.zeros((2,))
mx.init.Uniform()(mx.init.InitDesc('p', attrs={'__init__': '["myother_b", {"v": 7}]'}), w)
print(w)
