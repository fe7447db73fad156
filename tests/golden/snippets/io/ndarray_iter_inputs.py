import mxnet as mx
import numpy as np
from mxnet import nd
# dict inputs are sorted by name
it = mx.io.NDArrayIter({'b': nd.ones((4, 2)), 'a': nd.zeros((4, 3))},
                       {'lab': nd.arange(4)}, batch_size=2)
print(it.provide_data)
print(it.provide_label)
b = it.next()
print([d.shape for d in b.data], [l.shape for l in b.label])
# list inputs get numbered names
it = mx.io.NDArrayIter([nd.ones((4, 2)), nd.zeros((4,))], [nd.arange(4), nd.arange(4)], batch_size=3)
print(it.provide_data)
print(it.provide_label)
it = mx.io.NDArrayIter([nd.ones((4, 2))], batch_size=3, data_name='x', label_name='y')
print(it.provide_data, it.provide_label)
# numpy inputs and dtypes
it = mx.io.NDArrayIter(np.arange(8, dtype=np.float64).reshape(4, 2), np.arange(4), batch_size=2)
print(it.provide_data, it.provide_label)
b = it.next()
print(b.data[0], b.label[0])
it = mx.io.NDArrayIter(nd.arange(4, dtype='int32'), nd.array([1, 2, 3, 4], dtype='float64'), batch_size=2)
print(it.provide_data, it.provide_label)
print(it.next().data[0])
it = mx.io.NDArrayIter([[1, 2], [3, 4], [5, 6]], batch_size=2)
print(it.provide_data)
print([b.data[0].asnumpy().tolist() for b in it])
it = mx.io.NDArrayIter({'d': [[1, 2], [3, 4]]}, batch_size=2)
print(it.provide_data, it.data[0][0], type(it.data))
print(it.label, it.data_list[0].shape, it.num_source)
