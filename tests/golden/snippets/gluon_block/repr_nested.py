import mxnet as mx
from mxnet import gluon
from mxnet.gluon import nn

class Model(gluon.Block):
    def __init__(self, **kwargs):
        super(Model, self).__init__(**kwargs)
        with self.name_scope():
            self.dense0 = nn.Dense(20, in_units=10)
            self.body = nn.Sequential()
            self.body.add(nn.Dense(5, activation='relu'), nn.Dropout(0.3))
            self.tail = nn.HybridSequential()
            self.tail.add(nn.Flatten(), nn.Activation('sigmoid'))
            self.lam = nn.Lambda('tanh')
            self.hlam = nn.HybridLambda(lambda F, x: F.relu(x))
            self.count = 3
    def forward(self, x):
        return self.tail(self.body(self.dense0(x)))
m = Model()
print(m)
seq = nn.Sequential()
inner = nn.Sequential()
inner.add(nn.Dense(3, use_bias=False), nn.Dense(4, in_units=3))
seq.add(inner, nn.Dense(2))
print(seq)
print(nn.Sequential())
print(nn.HybridSequential())
class Empty(gluon.HybridBlock):
    def hybrid_forward(self, F, x):
        return x
print(Empty())
