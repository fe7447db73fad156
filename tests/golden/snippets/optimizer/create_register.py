import mxnet as mx
from mxnet import nd

print(sorted(mx.optimizer.Optimizer.opt_registry))
for name in ('SGD', 'sgd', 'Adam', 'rmsprop', 'ccsgd', 'test'):
    o = mx.optimizer.create(name, learning_rate=0.3)
    print(name, type(o).__name__, o.lr, isinstance(o, mx.optimizer.Optimizer))
o = mx.optimizer.Optimizer.create_optimizer('nag', momentum=0.5)
print(type(o).__name__, o.momentum, o.lr, o.wd, o.rescale_grad, o.clip_gradient)
print(mx.optimizer.SGD().aggregate_num, mx.optimizer.Adam().aggregate_num,
      mx.optimizer.LAMB().aggregate_num)


@mx.optimizer.register
class MyOpt(mx.optimizer.Optimizer):
    def create_state(self, index, weight):
        return nd.zeros(weight.shape)

    def update(self, index, weight, grad, state):
        self._update_count(index)
        state[:] += grad
        weight[:] -= self._get_lr(index) * state


print('myopt' in mx.optimizer.Optimizer.opt_registry)
opt = mx.optimizer.create('MyOpt', learning_rate=0.5)
upd = mx.optimizer.get_updater(opt)
w = nd.array([1.0, 2.0])
for _ in range(3):
    upd(0, nd.array([0.1, 0.2]), w)
print(w, opt.num_update)


builtin_sgd = mx.optimizer.Optimizer.opt_registry['sgd']


@mx.optimizer.Optimizer.register
class SGD(mx.optimizer.Optimizer):
    pass


print(mx.optimizer.Optimizer.opt_registry['sgd'] is SGD)
# put the registry back as it was (it is global state)
mx.optimizer.Optimizer.opt_registry['sgd'] = builtin_sgd
del mx.optimizer.Optimizer.opt_registry['myopt']
try:
    mx.optimizer.create('nosuch')
except ValueError as e:
    print('!! CAUGHT ValueError:', e)
try:
    mx.optimizer.register(3)
except AssertionError as e:
    print('!! CAUGHT AssertionError:', e)
