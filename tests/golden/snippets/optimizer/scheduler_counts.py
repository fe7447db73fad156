import mxnet as mx
from mxnet import nd

sched = mx.lr_scheduler.FactorScheduler(step=3, factor=0.5, base_lr=1.0)
opt = mx.optimizer.SGD(learning_rate=1.0, lr_scheduler=sched)
upd = mx.optimizer.get_updater(opt)
ws = [nd.ones((2,)), nd.ones((3,)), nd.ones((1,))]
for step in range(8):
    for i, w in enumerate(ws):
        if i == 2 and step < 4:
            continue  # index 2 joins late
        upd(i, nd.ones(w.shape), w)
    print(step, opt.num_update, opt.learning_rate, sorted(opt._index_update_count.items()))
for w in ws:
    print(w)

# begin_num_update starts every counter there
opt = mx.optimizer.Adam(learning_rate=0.1, begin_num_update=5)
print(opt.num_update, opt.begin_num_update)
w = nd.ones((2,))
upd = mx.optimizer.get_updater(opt)
upd(0, nd.ones((2,)), w)
upd(1, nd.ones((2,)), nd.ones((2,)))
print(opt.num_update, opt._index_update_count, w)

# per-device counters
opt = mx.optimizer.SGD()
opt._set_current_context(1)
opt._update_count(0)
opt._update_count([0, 3])
print(opt._all_index_update_counts, opt.num_update)
opt._set_current_context(0)
print(opt._index_update_count)

# learning rate as seen per step with a warm-up scheduler
sched = mx.lr_scheduler.PolyScheduler(max_update=10, base_lr=0.5, pwr=1, warmup_steps=3)
opt = mx.optimizer.SGD(lr_scheduler=sched)
upd = mx.optimizer.get_updater(opt)
w = nd.zeros((1,))
for step in range(12):
    upd(0, nd.ones((1,)), w)
    print(step, opt.num_update, opt.learning_rate, w.asnumpy().tolist())
