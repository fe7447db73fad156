import mxnet as mx
from mxnet import nd

x = nd.zeros((1, 3, 2, 3))
p = nd.contrib.MultiBoxPrior(x, sizes=(0.5, 0.25), ratios=(1, 2, 0.5))
print(p.shape)
print(p)
print(nd.contrib.MultiBoxPrior(x, sizes=(0.8,), clip=True, steps=(0.4, 0.3), offsets=(0.2, 0.7)))
print(nd.contrib.MultiBoxPrior(nd.zeros((2, 1, 1, 2), dtype="float64"), sizes=(0.3,), ratios=(1, 4)))
