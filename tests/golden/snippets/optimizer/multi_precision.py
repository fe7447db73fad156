import mxnet as mx
from mxnet import nd
import numpy as np


def grad(step, shape):
    n = int(np.prod(shape))
    return nd.array((np.sin(np.arange(n) * 0.37 + step * 0.61) * 2.5 - 0.3).reshape(shape),
                    dtype='float16')


def run(opt):
    upd = mx.optimizer.get_updater(opt)
    w = nd.array(np.cos(np.arange(6) * 0.5).reshape(2, 3), dtype='float16')
    for step in range(20):
        upd(0, grad(step, w.shape), w)
    print(w.dtype, w)
    st = upd.states[0]
    print(type(st).__name__, len(st))
    print(st)


# SGD keeps (momentum, master copy); the others (master copy, state)
run(mx.optimizer.SGD(learning_rate=0.1, momentum=0.9, wd=0.01, multi_precision=True))
run(mx.optimizer.SGD(learning_rate=0.1, multi_precision=True))
run(mx.optimizer.NAG(learning_rate=0.1, momentum=0.9, multi_precision=True))
run(mx.optimizer.Adam(learning_rate=0.01, multi_precision=True))

