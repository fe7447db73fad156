import mxnet as mx

s = mx.lr_scheduler.PolyScheduler(max_update=20, base_lr=0.5, pwr=2)
print([round(s(i), 12) for i in range(31)])
s = mx.lr_scheduler.PolyScheduler(max_update=20, base_lr=0.5, pwr=1.5, final_lr=0.05,
                                  warmup_steps=5, warmup_begin_lr=0.1)
print([round(s(i), 12) for i in range(31)])
s = mx.lr_scheduler.CosineScheduler(max_update=20, base_lr=0.5)
print([round(s(i), 12) for i in range(31)])
s = mx.lr_scheduler.CosineScheduler(max_update=20, base_lr=0.5, final_lr=0.1, warmup_steps=4,
                                    warmup_mode='constant', warmup_begin_lr=0.05)
print([round(s(i), 12) for i in range(31)])
print(s.base_lr_orig, s.max_steps, s.warmup_final_lr)
