import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

class Twice(gluon.HybridBlock):
    def __init__(self, **kw):
        super(Twice, self).__init__(**kw)
        with self.name_scope():
            self.fc = nn.Dense(4, in_units=4)
            self.fc2 = nn.Dense(4, in_units=4, params=self.fc.params)
            self.seq = nn.HybridSequential()
            self.seq.add(nn.Dense(2), nn.Activation('tanh'))
    def hybrid_forward(self, F, x):
        return self.seq(self.fc2(self.fc(self.fc(x))))
net = Twice()
net.initialize(mx.init.One())
net.collect_params('.*dense0_bias').setattr('grad_req', 'null')
net.summary(nd.ones((3, 4)))
net.summary(nd.ones((5, 4)))
net.hybridize()
net.summary(nd.ones((3, 4)))
