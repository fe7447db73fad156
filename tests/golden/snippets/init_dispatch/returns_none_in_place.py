import mxnet as mx
a = mx.nd.zeros((2, 3))
before = id(a)
r = mx.init.Xavier()(mx.init.InitDesc('fc_weight'), a)
print(r, id(a) == before, a.shape, a.dtype)
base = mx.nd.zeros((3, 4))
row = base[1]
mx.init.One()(mx.init.InitDesc('row_weight'), row)
print(base)
