import mxnet as mx
from mxnet import nd


def check(fn):
    try:
        fn()
        print('no error')
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, e))


sched = mx.lr_scheduler.FactorScheduler(step=2, factor=0.5, base_lr=0.1)
opt = mx.optimizer.SGD(lr_scheduler=sched)
print(opt.lr, opt.learning_rate)
check(lambda: opt.set_learning_rate(0.3))
check(lambda: opt.set_lr_scale({}))
check(lambda: setattr(opt, 'learning_rate', 0.5))
opt = mx.optimizer.SGD(learning_rate=0.2)
opt.set_learning_rate(0.3)
print(opt.lr, opt.learning_rate)
check(lambda: mx.optimizer.Optimizer(param_idx2name=[1]))
check(lambda: mx.optimizer.Optimizer().update(0, nd.ones(1), nd.ones(1), None))
print(mx.optimizer.Optimizer().create_state(0, nd.ones(1)))

# a scheduler whose base_lr differs from learning_rate is overwritten (MXNet prints this)
sched = mx.lr_scheduler.FactorScheduler(step=2, base_lr=0.1)
opt = mx.optimizer.SGD(learning_rate=0.7, lr_scheduler=sched)
print(sched.base_lr, opt.learning_rate)
# Adam passes its default learning_rate explicitly
sched = mx.lr_scheduler.FactorScheduler(step=2, base_lr=0.1)
opt = mx.optimizer.Adam(lr_scheduler=sched)
print(sched.base_lr)

# DCASGD with momentum: MXNet tests the momentum array's truth value
w = nd.ones((3,))
opt = mx.optimizer.DCASGD(momentum=0.9)
check(lambda: opt.update(0, w, nd.ones((3,)), opt.create_state(0, w)))
w1 = nd.ones((1,))
check(lambda: opt.update(0, w1, nd.ones((1,)), opt.create_state(0, w1)))

check(lambda: mx.optimizer.SGD().update(0, [1.0], nd.ones(1), None))
check(lambda: mx.optimizer.Adam().update(0, nd.ones(1), 1.0, None))
