import mxnet as mx
from mxnet import gluon

net = gluon.nn.HybridSequential(prefix='net_')
with net.name_scope():
    net.add(gluon.nn.Dense(3, in_units=2))
    net.add(gluon.nn.Dense(4, in_units=3))
print(list(net.collect_params().keys()))
print(list(net.collect_params('.*weight').keys()))
print(list(net.collect_params('net_dense1_.*').keys()))
print(list(net.collect_params('.*dense0_bias|.*dense1_weight').keys()))
print(list(net.collect_params('bias').keys()))
print(net.collect_params('.*bias'))
