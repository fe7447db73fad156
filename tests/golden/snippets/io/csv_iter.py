import mxnet as mx
import numpy as np
np.savetxt('data.csv', np.arange(30).reshape(10, 3), delimiter=',', fmt='%g')
np.savetxt('label.csv', np.arange(10), delimiter=',', fmt='%g')
np.savetxt('label2.csv', np.arange(20).reshape(10, 2) / 4.0, delimiter=',', fmt='%g')
it = mx.io.CSVIter(data_csv='data.csv', data_shape=(3,), label_csv='label.csv', batch_size=4)
print(it.provide_data, it.provide_label, it.batch_size)
for epoch in range(3):
    for b in it:
        print(b)
        print(b.data[0].asnumpy().tolist(), b.label[0].asnumpy().tolist(), b.pad, b.index)
    it.reset()
print('no round batch')
it = mx.io.CSVIter(data_csv='data.csv', data_shape=(3,), batch_size=4, round_batch=False)
print(it.provide_data, it.provide_label)
for epoch in range(2):
    for b in it:
        print(b.data[0].asnumpy().tolist(), b.label[0].asnumpy().tolist(), b.pad, b.index.tolist()[:2])
    it.reset()
it = mx.io.CSVIter(data_csv='data.csv', data_shape=(3, 1), label_csv='label2.csv', label_shape=(2,), batch_size=3)
print(it.provide_data, it.provide_label)
b = it.next()
print(b.data[0], b.label[0])
it = mx.io.CSVIter(data_csv='data.csv', data_shape=(3,), batch_size=5, dtype='int32', data_name='x', label_name='y')
print(it.provide_data, it.provide_label)
b = it.next()
print(b.data[0], b.label[0])
print(it.getpad(), it.getindex(), it.iter_next(), it.getdata().asnumpy().tolist())
print(it.iter_next())
