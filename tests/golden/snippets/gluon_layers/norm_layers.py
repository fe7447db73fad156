import mxnet as mx
from mxnet import nd, autograd
from mxnet.gluon import nn
x = nd.sin(nd.arange(2 * 4 * 3)).reshape((2, 4, 3)) * 2 + 0.5
for layer in [nn.LayerNorm(), nn.LayerNorm(axis=1, epsilon=0.01, in_channels=4),
              nn.InstanceNorm(), nn.InstanceNorm(axis=2, scale=True, epsilon=0.1),
              nn.GroupNorm(), nn.GroupNorm(num_groups=2, epsilon=1e-3)]:
    print(layer)
    print(layer.collect_params())
    layer.initialize()
    for p in layer.collect_params().values():
        if p.shape[0]:
            p.set_data(nd.arange(p.shape[0]) * 0.5 + 1)
    print(layer(x))
    print(layer)
    print(layer.collect_params())
    with autograd.record():
        y = layer(x)
        loss = (y * y * nd.arange(24).reshape((2, 4, 3))).sum()
    loss.backward()
    for name, p in sorted(layer.collect_params().items()):
        print(name, p.grad_req, p.data(), p.grad() if p.grad_req != 'null' else None)
