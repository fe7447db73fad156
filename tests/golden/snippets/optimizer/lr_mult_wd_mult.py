import mxnet as mx
from mxnet import nd

names = {0: 'fc1_weight', 1: 'fc1_bias', 2: 'bn_gamma', 3: 'bn_beta', 4: 'emb'}
opt = mx.optimizer.SGD(learning_rate=0.5, wd=0.1, param_idx2name=names)
print(sorted(opt.wd_mult.items()))
print(opt.idx2name == names, opt.idx2name is names)
opt.set_lr_mult({'fc1_weight': 2.0, 3: 0.5})
opt.set_wd_mult({'emb': 3.0, 0: 0.25})
print(sorted(opt.lr_mult.items(), key=str))
print(sorted(opt.wd_mult.items(), key=str))
for i in range(6):
    print(i, opt._get_lr(i), opt._get_wd(i))
print(opt._get_lrs([0, 1, 2]), opt._get_wds([0, 1, 2]))

# the multipliers act on the update
w = nd.ones((3,))
g = nd.ones((3,))
opt.update(0, w, g, opt.create_state(0, w))
print(w)


class P:
    lr_mult = 3.0
    wd_mult = 0.0


opt = mx.optimizer.SGD(learning_rate=0.5, wd=0.1, param_dict={7: P()})
print(opt._get_lr(7), opt._get_wd(7), opt._get_lr(8), opt._get_wd(8))

# LARS keeps weight decay only for names ending in _weight
lars = mx.optimizer.LARS(wd=0.1, param_idx2name=names)
print(sorted(lars.wd_mult.items()))
