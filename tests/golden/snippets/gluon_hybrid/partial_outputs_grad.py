import mxnet as mx
from mxnet import gluon, nd, autograd

class Two(gluon.HybridBlock):
    def __init__(self, **kwargs):
        super(Two, self).__init__(**kwargs)
        with self.name_scope():
            self.w = self.params.get('w', shape=(3,), init=mx.init.Constant(2.0))
    def hybrid_forward(self, F, x, w):
        return x * w, F.exp(x * w), F.argmax(F.reshape(x, (1, 3)), axis=1)

x = nd.array([0.5, -1.0, 0.25])
for hyb in (False, True):
    net = Two(prefix='t_')
    net.initialize()
    if hyb:
        net.hybridize()
    with autograd.record():
        a, b, c = net(x)
        loss = b.sum()
    loss.backward()
    print(hyb, net.w.grad().asnumpy().tolist(), c.asnumpy().tolist(), c.dtype)
    with autograd.record():
        a, b, c = net(x)
    autograd.backward([a, b], [nd.ones((3,)), nd.ones((3,)) * 0.5])
    print(hyb, net.w.grad().asnumpy().tolist())
