import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

net = nn.HybridSequential()
with net.name_scope():
    net.add(nn.Conv2D(2, 3, padding=1), nn.BatchNorm(), nn.Activation("relu"),
            nn.Dense(3))
net.initialize(mx.init.Constant(0.2))
net.hybridize()
x = nd.arange(2 * 1 * 4 * 4).reshape((2, 1, 4, 4)) / 10
print(net(x))
net.export("model", epoch=7)
print(open("model-symbol.json").read())
saved = nd.load("model-0007.params")
for k in sorted(saved):
    print(k, saved[k].shape)
back = gluon.SymbolBlock.imports("model-symbol.json", ["data"], "model-0007.params")
print(back)
print(back(x))
print(back.collect_params())
back.hybridize()
print(back(x))
