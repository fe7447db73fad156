import warnings
warnings.simplefilter("ignore", DeprecationWarning)  # MXNet calls the deprecated Thread.setDaemon
import mxnet as mx
from mxnet import nd
a = mx.io.NDArrayIter(nd.arange(10).reshape((5, 2)), nd.arange(5), batch_size=2)
b = mx.io.NDArrayIter(nd.arange(5) * 10, nd.arange(5) + 100, batch_size=2, data_name='x', label_name='y')
it = mx.io.PrefetchingIter([a, b])
print(it.provide_data)
print(it.provide_label)
print(it.batch_size, it.n_iter)
for epoch in range(2):
    for batch in it:
        print([d.asnumpy().tolist() for d in batch.data], [l.asnumpy().tolist() for l in batch.label], batch.pad)
    it.reset()
it = mx.io.PrefetchingIter(mx.io.NDArrayIter(nd.arange(4), batch_size=2),
                           rename_data=[{'data': 'renamed'}], rename_label=[{}])
print(it.provide_data, it.provide_label)
batch = it.next()
print(batch.data[0].asnumpy().tolist(), batch.provide_data, it.getpad(), it.getindex())
