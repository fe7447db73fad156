import mxnet as mx
from mxnet import gluon, nd

class Mix(gluon.HybridBlock):
    def __init__(self, **kwargs):
        super(Mix, self).__init__(**kwargs)
        with self.name_scope():
            self.w = self.params.get('w', shape=(2,), init=mx.init.Constant(0.5))
    def hybrid_forward(self, F, x, y, z, w):
        return F.broadcast_mul(x, w) + y * z

x = nd.array([[1.0, 2.0], [3.0, 4.0]])
y = nd.array([[1.0, 1.0], [2.0, 2.0]])
z = nd.array([[3.0, 4.0], [5.0, 6.0]])
net = Mix(prefix='mix_')
net.initialize()
print(net(x, y, z))
net.hybridize()
print(net(x, y, z))
print(net(x, z, y))
