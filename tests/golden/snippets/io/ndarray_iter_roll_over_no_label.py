import mxnet as mx
from mxnet import nd
it = mx.io.NDArrayIter(nd.arange(14).reshape((7, 2)), batch_size=3, last_batch_handle='roll_over')
for epoch in range(3):
    for batch in it:
        print(epoch, batch.data[0].asnumpy().tolist(), batch.label, batch.pad)
    it.reset()
