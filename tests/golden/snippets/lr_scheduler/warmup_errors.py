import mxnet as mx


def check(fn):
    try:
        fn()
        print('no error')
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, e))


s = mx.lr_scheduler.LRScheduler(base_lr=0.1, warmup_steps=5, warmup_begin_lr=0.01)
print([s.get_warmup_lr(i) for i in range(5)])
print(s.warmup_final_lr, s.warmup_mode)
check(lambda: s(3))
check(lambda: s.get_warmup_lr(5))
check(lambda: mx.lr_scheduler.LRScheduler(base_lr=0.1, warmup_begin_lr=0.2))
check(lambda: mx.lr_scheduler.LRScheduler(warmup_steps=-1))
check(lambda: mx.lr_scheduler.LRScheduler(warmup_steps=1.5))
check(lambda: mx.lr_scheduler.LRScheduler(warmup_mode='cosine'))
check(lambda: mx.lr_scheduler.FactorScheduler(step=0))
check(lambda: mx.lr_scheduler.FactorScheduler(step=2, factor=1.5))
check(lambda: mx.lr_scheduler.MultiFactorScheduler(step=[3, 3]))
check(lambda: mx.lr_scheduler.MultiFactorScheduler(step=[0, 3]))
check(lambda: mx.lr_scheduler.MultiFactorScheduler(step=3))
check(lambda: mx.lr_scheduler.MultiFactorScheduler(step=[3], factor=2))
check(lambda: mx.lr_scheduler.PolyScheduler(max_update=0))
check(lambda: mx.lr_scheduler.PolyScheduler(max_update=2.0))
check(lambda: mx.lr_scheduler.CosineScheduler(max_update=0))
# the scheduler drives the optimizer's learning rate
opt = mx.optimizer.SGD(lr_scheduler=mx.lr_scheduler.CosineScheduler(max_update=10, base_lr=1.0))
for n in (0, 5, 10, 15):
    opt.num_update = n
    print(n, opt.learning_rate)
