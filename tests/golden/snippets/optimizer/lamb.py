import mxnet as mx
from mxnet import nd
import numpy as np


def grad(step, shape):
    n = int(np.prod(shape))
    return nd.array((np.sin(np.arange(n) * 0.37 + step * 0.61) * 2.5 - 0.3).reshape(shape))


def run(opt, steps=20, shape=(2, 3)):
    upd = mx.optimizer.get_updater(opt)
    n = int(np.prod(shape))
    w = nd.array(np.cos(np.arange(n) * 0.5).reshape(shape))
    for step in range(steps):
        upd(0, grad(step, w.shape), w)
    print(w)
    print(upd.states[0])
    print(opt.num_update)

run(mx.optimizer.LAMB(learning_rate=0.05, wd=0.01, rescale_grad=0.5, clip_gradient=1.0))
run(mx.optimizer.LAMB(learning_rate=0.05, lower_bound=0.5, upper_bound=1.5, bias_correction=False))
