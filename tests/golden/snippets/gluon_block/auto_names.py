import mxnet as mx
from mxnet import gluon
from mxnet.gluon import nn

a = nn.Dense(2)
b = nn.Dense(3)
print(a.prefix, a.name, b.prefix, b.name)
print(list(a.params.keys()))
s = nn.Sequential()
h = nn.HybridSequential()
print(s.prefix, h.prefix)
with s.name_scope():
    d0 = nn.Dense(2)
    d1 = nn.Dense(2)
    act = nn.Activation('relu')
    drop = nn.Dropout(0.5)
    inner = nn.HybridSequential()
    with inner.name_scope():
        d2 = nn.Dense(4)
print(d0.prefix, d1.prefix, act.prefix, drop.prefix, inner.prefix, d2.prefix)
print(list(d2.params.keys()))
c = nn.Dense(5)
print(c.prefix)
s2 = nn.Sequential()
with s2.name_scope():
    e = nn.Dense(1)
print(s2.prefix, e.prefix)
act2 = nn.Activation('tanh')
print(act2.name)
class MyBlock(gluon.Block):
    def forward(self, x):
        return x
class MyHybrid(gluon.HybridBlock):
    def hybrid_forward(self, F, x):
        return x
print(MyBlock().name, MyBlock().name, MyHybrid().name)
print(nn.Flatten().name, nn.Lambda('relu').name, nn.HybridLambda('tanh').name)
