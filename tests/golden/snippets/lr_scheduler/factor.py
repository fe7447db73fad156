import logging
import sys
import mxnet as mx

logging.basicConfig(level=logging.INFO, stream=sys.stdout, format='%(levelname)s %(message)s',
                    force=True)
s = mx.lr_scheduler.FactorScheduler(step=4, factor=0.5, base_lr=0.8)
print([s(i) for i in range(31)])
print(s.count, s.base_lr)
s = mx.lr_scheduler.FactorScheduler(step=3, factor=0.1, stop_factor_lr=1e-3, base_lr=1.0)
print([s(i) for i in range(0, 31, 2)])
# a jump of several steps applies every factor on the way
s = mx.lr_scheduler.FactorScheduler(step=2, factor=0.9)
print(s(11), s.count, s(3))
s = mx.lr_scheduler.FactorScheduler(step=5, factor=0.5, base_lr=1.0, warmup_steps=4,
                                    warmup_begin_lr=0.2)
print([s(i) for i in range(16)])
logging.getLogger().setLevel(logging.WARNING)
