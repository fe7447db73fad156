import logging
import sys
import mxnet as mx

logging.basicConfig(level=logging.INFO, stream=sys.stdout, format='%(levelname)s %(message)s',
                    force=True)
s = mx.lr_scheduler.MultiFactorScheduler(step=[3, 7, 12], factor=0.5, base_lr=1.0)
print([s(i) for i in range(21)])
print(s.cur_step_ind, s.count)
s = mx.lr_scheduler.MultiFactorScheduler(step=[2, 5], factor=0.1, base_lr=0.3, warmup_steps=2,
                                         warmup_mode='constant', warmup_begin_lr=0.01)
print([s(i) for i in range(10)])
logging.getLogger().setLevel(logging.WARNING)
