import warnings
warnings.simplefilter("ignore", ResourceWarning)
import mxnet as mx
kv = mx.kv.create('local')
kv.init(5, mx.nd.ones(2) * 3)
kv.set_optimizer(mx.optimizer.SGD(learning_rate=0.1, rescale_grad=0.5, momentum=0.9))
o = mx.nd.zeros(2)
kv.push(5, mx.nd.ones(2))
kv.pull(5, out=o)
print(o)
kv.push(5, [mx.nd.ones(2), mx.nd.ones(2)])
kv.pull(5, out=o)
print(o)
kv.save_optimizer_states('s.st', dump_optimizer=True)
kv2 = mx.kv.create('local')
kv2.set_optimizer(mx.optimizer.SGD(learning_rate=0.1))
kv2.load_optimizer_states('s.st')
print(type(kv2._updater.optimizer).__name__, kv2._updater.optimizer.momentum, kv2._updater.states)


def upd(key, inp, stored):
    print('update', repr(key), inp.asnumpy().tolist(), stored.asnumpy().tolist())
    stored += inp * 2


kv3 = mx.kv.create('local')
kv3._set_updater(upd)
kv3.init('k', mx.nd.ones((2,)))
kv3.push('k', [mx.nd.ones((2,)), mx.nd.ones(2)])
kv3.pull('k', out=o)
print(o)
kv4 = mx.kv.create('local')
kv4._set_updater(upd)
kv4.init(0, mx.nd.ones((2,)))
kv4.push(0, mx.nd.ones((2,)) * 3)
kv4.pull(0, out=o)
print(o)
