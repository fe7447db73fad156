import mxnet as mx
from mxnet import gluon, nd, autograd

class Square(autograd.Function):
    def forward(self, x):
        self.save_for_backward(x)
        return x * x
    def backward(self, dy):
        x, = self.saved_tensors
        return dy * 2 * x + 100

class Net(gluon.HybridBlock):
    def __init__(self, **kwargs):
        super(Net, self).__init__(**kwargs)
        with self.name_scope():
            self.w = self.params.get('w', shape=(3,), init=mx.init.Constant(1.5))
    def hybrid_forward(self, F, x, w):
        return Square()(x * w)

x = nd.array([1.0, 2.0, 3.0])
net = Net(prefix='n_')
net.initialize()
with autograd.record():
    y = net(x)
y.backward()
print(y)
print(net.w.grad())
