import mxnet as mx
from mxnet import nd
data = nd.arange(10)
label = nd.arange(10) * 10
it = mx.io.NDArrayIter(data, label, batch_size=4, last_batch_handle='roll_over')
for epoch in range(4):
    for batch in it:
        print(epoch, batch.data[0].asnumpy().tolist(), batch.label[0].asnumpy().tolist(), batch.pad)
    print('cursor', it.cursor)
    it.reset()
    print('after reset', it.cursor)
it.hard_reset()
print('hard', it.cursor, it._cache_data)
print([b.data[0].asnumpy().tolist() for b in it])
