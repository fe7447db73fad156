import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

def build(n_layers, units=2, dtype='float32', prefix='e_'):
    net = nn.HybridSequential(prefix=prefix)
    with net.name_scope():
        for _ in range(n_layers):
            net.add(nn.Dense(units, in_units=2, dtype=dtype))
    return net
net = build(2)
net.initialize(mx.init.One())
net.save_parameters('two.params')
small = build(1)
check(lambda: small.load_parameters('two.params'))
small.load_parameters('two.params', ignore_extra=True)
print(small[0].weight.data())
big = build(3)
check(lambda: big.load_parameters('two.params'))
big.load_parameters('two.params', allow_missing=True)
print(big[1].bias.data())
check(lambda: big[2].bias.data())
wide = build(2, units=3)
check(lambda: wide.load_parameters('two.params'))
half = build(2, dtype='float16')
check(lambda: half.load_parameters('two.params'))
check(lambda: half.load_parameters('missing_file.params'))
