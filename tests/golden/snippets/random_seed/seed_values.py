import numpy as np
import mxnet as mx
print(mx.random.seed(0), mx.random.seed(True), mx.random.seed(np.int64(7)), mx.random.seed(-1))
def draw(s):
    mx.random.seed(s)
    return mx.random.uniform(shape=6)
print((draw(5) == draw(2 ** 32 + 5)).asnumpy().all())
print((draw(-1) == draw(2 ** 32 - 1)).asnumpy().all())
print((draw(3) == draw(4)).asnumpy().all())
