import mxnet as mx
import numpy as np
from mxnet import nd
d = mx.io.DataDesc('data', (4, 3))
print(d, repr(d), str(d))
print(d.name, d.shape, d.dtype, d.layout, d[0], d[1], len(d))
print(d == ('data', (4, 3)), tuple(d), isinstance(d, tuple))
name, shape = d
print(name, shape)
d2 = mx.io.DataDesc('x', (2, 5, 3), dtype='int32', layout='NTC')
print(d2, d2.dtype)
d3 = mx.io.DataDesc('y', (2,), np.float16, layout=None)
print(d3)
print(mx.io.DataDesc.get_list([('a', (1, 2)), ('b', (3,))], None))
print(mx.io.DataDesc.get_list([('a', (1, 2)), ('b', (3,))], [('b', np.int32), ('a', np.float64)]))
b = mx.io.DataBatch([nd.ones((2, 3))], [nd.zeros((2,))], pad=1, index=[4, 5], bucket_key=7)
print(b)
print(b.pad, b.index, b.bucket_key, b.provide_data, b.provide_label)
b = mx.io.DataBatch(data=[nd.ones((2, 3)), nd.ones((2, 4, 5))])
print(b, b.label, b.pad, b.index)
b = mx.io.DataBatch((nd.ones((1,)),), label=[])
print(b)
try:
    mx.io.DataBatch(nd.ones((2, 3)))
except AssertionError as e:
    print('AssertionError', e)
try:
    mx.io.DataBatch([nd.ones((2, 3))], nd.ones((2,)))
except AssertionError as e:
    print('AssertionError', e)
b = mx.io.DataBatch(None)
print(b.data)
