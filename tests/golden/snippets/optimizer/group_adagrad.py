import mxnet as mx
from mxnet import nd
import numpy as np

opt = mx.optimizer.create('groupadagrad', learning_rate=0.1, rescale_grad=0.5, clip_gradient=1.0)
print(type(opt).__name__)
upd = mx.optimizer.get_updater(opt)
w = nd.array(np.cos(np.arange(12) * 0.5).reshape(3, 4))
for step in range(20):
    g = nd.array((np.sin(np.arange(12) * 0.37 + step * 0.61) * 2.5 - 0.3).reshape(3, 4))
    upd(0, g, w)
print(w)
print(upd.states[0])

opt = mx.optimizer.contrib.GroupAdaGrad(wd=0.1)
try:
    opt.update(0, w, w, opt.create_state(0, w))
except AssertionError as e:
    print('!! CAUGHT AssertionError:', e)
