import mxnet as mx
from mxnet import nd
data = nd.arange(24).reshape((2, 6, 2))
it = mx.io.NDArrayIter(data, batch_size=4, layout='TNC', last_batch_handle='discard')
print(it.provide_data, it.layout)
for b in it:
    print(b.data[0].shape, b.data[0].asnumpy().tolist())
print(mx.io.DataDesc.get_batch_axis('TNC'), mx.io.DataDesc.get_batch_axis(None), mx.io.DataDesc.get_batch_axis('CHW'))
