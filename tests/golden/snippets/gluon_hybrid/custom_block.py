import mxnet as mx
from mxnet import gluon, nd

class Affine(gluon.HybridBlock):
    def __init__(self, units, in_units, **kwargs):
        super(Affine, self).__init__(**kwargs)
        with self.name_scope():
            self.weight = self.params.get('weight', shape=(units, in_units))
            self.bias = self.params.get('bias', shape=(units,))
            self.scale = self.params.get_constant('scale', nd.array([2.0]))
    def hybrid_forward(self, F, x, weight, bias, scale):
        y = F.FullyConnected(x, weight, bias, num_hidden=weight.shape[0] if F is nd else 3)
        return F.broadcast_mul(F.tanh(y), scale)

net = Affine(3, 4, prefix='aff_')
net.initialize()
net.weight.set_data(nd.arange(12).reshape((3, 4)) / 10.0)
net.bias.set_data(nd.array([0.1, -0.2, 0.3]))
x = nd.arange(8).reshape((2, 4)) / 8.0
y1 = net(x)
print(y1)
net.hybridize()
y2 = net(x)
print(y2)
y3 = net(x * 2)
print(y3)
print(sorted(net.collect_params().keys()))
net.hybridize(active=False)
print(net(x))
