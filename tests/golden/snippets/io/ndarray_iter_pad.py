import mxnet as mx
from mxnet import nd
data = nd.arange(20).reshape((10, 2))
label = nd.arange(10)
it = mx.io.NDArrayIter(data, label, batch_size=4)
print(it.provide_data)
print(it.provide_label)
print(it.batch_size, it.num_data, it.cursor, it.last_batch_handle)
for epoch in range(2):
    for batch in it:
        print(batch)
        print(batch.data[0].asnumpy().tolist(), batch.label[0].asnumpy().tolist())
        print('pad', batch.pad, 'index', batch.index, batch.bucket_key, batch.provide_data)
        print(type(batch.data), len(batch.data), batch.data[0].dtype, batch.data[0].context)
    it.reset()
    print('epoch done', it.cursor)
