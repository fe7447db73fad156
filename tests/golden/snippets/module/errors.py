import mxnet as mx


def check(f):
    try:
        f()
        print('no error')
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).replace('\n', ' | ')))


data = mx.sym.Variable('data')
net = mx.sym.FullyConnected(data, num_hidden=2, name='fc')
check(lambda: mx.mod.Module(net, data_names=['x']))
mod = mx.mod.Module(net, label_names=None)
check(lambda: mod.data_shapes)
check(lambda: mod.get_params())
check(lambda: mod.init_params())
check(lambda: mod.bind(data_shapes=[('x', (1, 3))]))
mod.bind(data_shapes=[('data', (1, 3))], for_training=False)
mod.bind(data_shapes=[('data', (1, 3))])
check(lambda: mod.init_optimizer())
check(lambda: mod.forward(mx.io.DataBatch([mx.nd.ones((1, 3))])))
check(lambda: mod.init_params(arg_params={'fc_weight': mx.nd.ones((2, 3))}))
mod.init_params(arg_params={'fc_weight': mx.nd.ones((2, 3))}, allow_missing=True, initializer=mx.init.Zero())
print(mod.get_params())
check(lambda: mod.get_input_grads())
check(lambda: mod.backward())
check(lambda: mod.update())
check(lambda: mod.fit(None))
