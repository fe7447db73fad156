import mxnet as mx
from mxnet import nd
it = mx.io.NDArrayIter(nd.arange(3), nd.arange(3) + 10, batch_size=8)
for batch in it:
    print(batch.data[0].asnumpy().tolist(), batch.label[0].asnumpy().tolist(), batch.pad)
it = mx.io.NDArrayIter(nd.arange(6).reshape((3, 2)), batch_size=9)
for batch in it:
    print(batch.data[0].asnumpy().tolist(), batch.pad)
it = mx.io.NDArrayIter(nd.arange(4), batch_size=4)
for batch in it:
    print(batch.data[0].asnumpy().tolist(), batch.pad)
it = mx.io.NDArrayIter(nd.arange(5), batch_size=7, last_batch_handle='discard')
print([b for b in it])
it = mx.io.NDArrayIter(nd.arange(5), batch_size=7, last_batch_handle='roll_over')
print([b for b in it])
it.reset()
print([b.data[0].asnumpy().tolist() for b in it])
