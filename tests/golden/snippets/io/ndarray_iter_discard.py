import mxnet as mx
from mxnet import nd
data = nd.arange(30).reshape((10, 3))
it = mx.io.NDArrayIter(data, batch_size=3, last_batch_handle='discard')
print(it.provide_data, it.provide_label)
for epoch in range(2):
    for batch in it:
        print(batch.data[0].asnumpy().tolist(), batch.label, batch.pad, batch.index)
    it.reset()
print(it.cursor)
