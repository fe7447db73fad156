import mxnet as mx
from mxnet import gluon

net = gluon.nn.Dense(2, in_units=3, prefix='d_')
print(net.weight.lr_mult, net.weight.wd_mult)
net.collect_params().setattr('lr_mult', 0.1)
net.bias.wd_mult = 0.0
for name, p in net.collect_params().items():
    print(name, p.lr_mult, p.wd_mult)
net.collect_params('.*weight').setattr('grad_req', 'null')
for name, p in net.collect_params().items():
    print(name, p.grad_req)
