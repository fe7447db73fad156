import mxnet as mx
from mxnet import nd, autograd
from mxnet.gluon import nn
emb = nn.Embedding(5, 3)
print(emb)
print(emb.collect_params())
emb.initialize()
emb.weight.set_data(nd.arange(15).reshape((5, 3)) / 10)
idx = nd.array([[0, 4], [2, 2]])
print(emb(idx))
with autograd.record():
    y = emb(idx)
y.backward()
print(emb.weight.grad())
e16 = nn.Embedding(4, 2, dtype='float16')
print(e16, e16.collect_params())
e16.initialize(mx.init.Constant(0.5))
print(e16(nd.array([3, 1])))
