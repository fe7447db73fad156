import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

net = nn.HybridSequential(prefix="model_")
with net.name_scope():
    net.add(nn.Dense(4, activation="relu"), nn.Dense(2))
net.initialize(mx.init.Constant(0.1))
data = mx.sym.var("data")
internals = net(data).get_internals()
print(internals.list_outputs())
feat = gluon.SymbolBlock([internals["model_dense0_relu_fwd_output"],
                          internals["model_dense1_fwd_output"]], data,
                         params=net.collect_params())
print(feat)
a, b = feat(nd.array([[1.0, -2.0, 3.0]]))
print(a, b)
print(feat(mx.sym.var("img")))
print(sorted(feat.collect_params().keys()))
