import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn


def check(fn):
    try:
        fn()
    except Exception as e:
        print("!! CAUGHT %s: %s" % (type(e).__name__, e))


net = nn.Dense(2, in_units=3)
net.initialize()
net(nd.ones((1, 3)))
check(lambda: net.export("never"))
net.hybridize()
check(lambda: net.export("never"))
data = mx.sym.var("data")
block = gluon.SymbolBlock(mx.sym.FullyConnected(data, num_hidden=2, name="fc"), data)
block.initialize()
print(block(nd.ones((1, 3))).shape)
check(lambda: block(nd.ones((1, 3)), nd.ones((1, 3))))
check(lambda: net(mx.sym.var("a"), nd.ones((1, 3))))
