import mxnet as mx
from mxnet import nd
it = mx.io.NDArrayIter(nd.arange(5), nd.arange(5) * 2, batch_size=2)
while it.iter_next():
    print(it.cursor, it.getdata()[0].asnumpy().tolist(), it.getlabel()[0].asnumpy().tolist(),
          it.getpad(), it.getindex())
print(it.iter_next(), it.cursor)
it.reset()
print(it.cursor)
print(next(it).data[0].asnumpy().tolist(), next(iter(it)).data[0].asnumpy().tolist())
print(iter(it) is it)
