import mxnet as mx
from mxnet import nd
import numpy as np


def grad(step, shape):
    n = int(np.prod(shape))
    return nd.array((np.sin(np.arange(n) * 0.37 + step * 0.61) * 2.5 - 0.3).reshape(shape))


def run(opt, steps=20):
    upd = mx.optimizer.get_updater(opt)
    w = nd.array(np.cos(np.arange(6) * 0.5).reshape(2, 3))
    for step in range(steps):
        upd(0, grad(step, w.shape), w)
    print(w)
    print(upd.states[0])


run(mx.optimizer.AdaDelta())
run(mx.optimizer.AdaDelta(rho=0.8, epsilon=1e-4, wd=0.01, rescale_grad=0.5, clip_gradient=1.0))

# MXNet's AdaDelta rescales the gradient array in place
opt = mx.optimizer.AdaDelta(rescale_grad=0.25)
w = nd.ones((3,))
g = nd.array([1.0, -2.0, 4.0])
opt.update(0, w, g, opt.create_state(0, w))
print(g)
print(w)
