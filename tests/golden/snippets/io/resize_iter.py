import mxnet as mx
from mxnet import nd
base = mx.io.NDArrayIter(nd.arange(10), nd.arange(10), batch_size=3)
it = mx.io.ResizeIter(base, 6)
print(it.provide_data, it.provide_label, it.batch_size, it.size, it.cur)
for epoch in range(2):
    print([(b.data[0].asnumpy().tolist(), b.pad) for b in it])
    it.reset()
it = mx.io.ResizeIter(mx.io.NDArrayIter(nd.arange(10), batch_size=4), 2, reset_internal=False)
for epoch in range(3):
    print([(b.data[0].asnumpy().tolist(), b.pad) for b in it])
    it.reset()
it = mx.io.ResizeIter(mx.io.NDArrayIter(nd.arange(4), batch_size=2), 1)
print(it.iter_next(), it.getdata()[0].asnumpy().tolist(), it.getlabel(), it.getpad(), it.getindex())
print(it.iter_next())
