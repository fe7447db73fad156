import mxnet as mx
from mxnet import nd
import numpy as np

# the noise comes from the random stream: print what does not depend on it
opt = mx.optimizer.SGLD(learning_rate=0.01, wd=0.1)
print(opt.create_state(0, nd.ones((2, 2))))
w = nd.zeros((200, 50))
g = nd.zeros((200, 50))
opt.update(0, w, g, None)
print(w.shape, w.dtype, opt.num_update)
print(abs(float(w.mean().asscalar())) < 0.01)
print(abs(float((w * w).mean().asscalar()) - 0.01) < 0.001)
