import mxnet as mx
from mxnet import gluon
from mxnet.gluon import nn

class M(gluon.Block):
    def __init__(self, **kwargs):
        super(M, self).__init__(**kwargs)
        with self.name_scope():
            self.z = nn.Dense(1, in_units=1)
            self.own = self.params.get('own', shape=(1,))
            self.a = nn.Dense(2, in_units=1)
            self.c = self.params.get('c', shape=(2,))
    def forward(self, x):
        return x
m = M()
print(list(m.collect_params().keys()))
print(list(m.params.keys()))
print(list(m.collect_params('.*own|.*a.*').keys()))
print(sorted(m._collect_params_with_prefix().keys()))
print(list(m._collect_params_with_prefix().keys()))
