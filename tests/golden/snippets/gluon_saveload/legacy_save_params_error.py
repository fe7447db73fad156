import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

class M(gluon.Block):
    def __init__(self, **kwargs):
        super(M, self).__init__(**kwargs)
        self.d = nn.Dense(2, in_units=2)
    def forward(self, x):
        return self.d(x)
m = M(prefix='m_')
m.initialize()
m.save_params('x.params')
