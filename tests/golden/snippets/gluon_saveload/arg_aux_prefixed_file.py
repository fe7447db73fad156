import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

nd.save('ckpt.params', {'arg:fc_weight': nd.ones((2, 3)) * 0.5, 'arg:fc_bias': nd.array([1.0, -1.0])})
net = nn.Dense(2, prefix='fc_')
check(lambda: net.load_parameters('ckpt.params'))
nd.save('ckpt2.params', {'arg:weight': nd.ones((2, 3)) * 0.5, 'aux:bias': nd.array([1.0, -1.0])})
net.load_parameters('ckpt2.params')
print(net.weight.data(), net.bias.data())
pd = gluon.ParameterDict('fc_')
pd.get('weight', shape=(2, 3))
pd.get('bias', shape=(2,))
pd.load('ckpt.params')
print(pd['fc_bias'].data())
pd.load_dict({'fc_weight': nd.zeros((2, 3)), 'fc_bias': nd.zeros((2,))})
print(pd['fc_weight'].data())
check(lambda: pd.load_dict({'fc_weight': nd.zeros((2, 3))}))
pd.load_dict({'weight': nd.ones((2, 3)), 'bias': nd.ones((2,))}, restore_prefix='fc_')
print(pd['fc_bias'].data())
net2 = nn.Dense(2, in_units=3, prefix='fc_')
net2.initialize(mx.init.Zero())
nd.save('list.params', [nd.ones((2, 3)), nd.ones((2,))])
check(lambda: net2.load_parameters('list.params'))
