import mxnet as mx
from mxnet import gluon
from mxnet.gluon import nn

class Bad(gluon.HybridBlock):
    def __init__(self, **kwargs):
        super(Bad, self).__init__(**kwargs)
        with self.name_scope():
            self.body = nn.Dense(2)
            self.lam = nn.Lambda(lambda x: x)
    def hybrid_forward(self, F, x):
        return x
Bad(prefix='bad_')
