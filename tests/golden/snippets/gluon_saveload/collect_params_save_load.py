import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

net = nn.Dense(2, in_units=3, prefix='fc_')
net.initialize(mx.init.Constant(0.5))
net.collect_params().save('cp.params')
print(sorted(nd.load('cp.params').keys()))
net.collect_params().save('cp2.params', strip_prefix='fc_')
print(sorted(nd.load('cp2.params').keys()))
n2 = nn.Dense(2, in_units=3, prefix='fc_')
n2.collect_params().load('cp.params')
print(n2.weight.data())
n3 = nn.Dense(2, prefix='fc_')
n3.collect_params().load('cp2.params', ctx=[mx.cpu(0), mx.cpu(1)], restore_prefix='fc_')
print(n3.weight.shape, n3.weight.list_ctx(), n3.bias.data(mx.cpu(1)))
n4 = nn.Dense(2, prefix='fc_')
n4.load_parameters('cp2.params')
print(n4.bias.data())
