import mxnet as mx
from mxnet import nd, autograd
from mxnet.gluon import nn
x = nd.array([[-3, -1, -0.5, 0], [0.25, 1, 2, 4]]).reshape((2, 4, 1))
for act in [nn.LeakyReLU(0.1), nn.LeakyReLU(0), nn.ELU(), nn.ELU(0.5), nn.SELU(), nn.GELU(),
            nn.Swish(), nn.Swish(2.0), nn.PReLU(), nn.PReLU(mx.init.Constant(0.5), in_channels=4)]:
    print(act)
    print(act.collect_params())
    act.initialize()
    x.attach_grad()
    with autograd.record():
        y = act(x)
    y.backward()
    print(y)
    # mxcompat gives SELU's true derivative for x < 0 (docs/differences.md)
    print(x.grad if not isinstance(act, nn.SELU) else x.grad[1])
    for name, p in act.collect_params().items():
        print(name, p.data(), p.grad())
