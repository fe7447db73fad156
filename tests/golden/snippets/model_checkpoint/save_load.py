import logging
import os
import sys
import mxnet as mx
root = logging.getLogger()
handler = logging.StreamHandler(sys.stdout)
old = root.level
root.addHandler(handler)
root.setLevel(logging.INFO)
try:
    data = mx.sym.Variable('data')
    net = mx.sym.FullyConnected(data, num_hidden=2, name='fc')
    net = mx.sym.BatchNorm(net, name='bn')
    arg = {'fc_weight': mx.nd.array([[1, 2, 3], [4, 5, 6]]), 'fc_bias': mx.nd.array([0.5, -1]),
           'bn_gamma': mx.nd.ones(2), 'bn_beta': mx.nd.zeros(2)}
    aux = {'bn_moving_mean': mx.nd.array([0.1, 0.2]), 'bn_moving_var': mx.nd.array([1, 2])}
    print(mx.model.save_checkpoint('net', 7, net, arg, aux))
    print(sorted(f for f in os.listdir('.') if f.startswith('net')))
    print(sorted(mx.nd.load('net-0007.params')))
    sym, a, x = mx.model.load_checkpoint('net', 7)
    print(sym, sym.list_arguments(), sym.list_auxiliary_states())
    print(list(a), list(x))
    print(a['fc_weight'], x['bn_moving_var'])
    a2, x2 = mx.model.load_params('net', 7)
    print(sorted(a2), sorted(x2))
    print(open('net-symbol.json').read() == net.tojson())
    cb = mx.callback.do_checkpoint('cb', period=2)
    for epoch in range(4):
        cb(epoch, net, arg, aux)
    print(sorted(f for f in os.listdir('.') if f.startswith('cb')))
    print(mx.model.BatchEndParam(epoch=1, nbatch=2, eval_metric=None, locals=None))
finally:
    root.removeHandler(handler)
    root.setLevel(old)
