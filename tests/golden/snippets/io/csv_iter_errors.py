import mxnet as mx
import numpy as np
np.savetxt('data.csv', np.arange(30).reshape(10, 3), delimiter=',', fmt='%g')

def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

check(lambda: mx.io.CSVIter(data_csv='data.csv', data_shape=(4,), batch_size=4))
check(lambda: mx.io.CSVIter(data_csv='data.csv', batch_size=4))
check(lambda: mx.io.CSVIter(data_csv='data.csv', data_shape=(3,)))
check(lambda: mx.io.CSVIter(data_shape=(3,), batch_size=2))
check(lambda: mx.io.CSVIter(data_csv='data.csv', data_shape=(3,), batch_size=2, dtype='float64'))
check(lambda: mx.io.CSVIter(data_csv='data.csv', data_shape=(3,), batch_size=16, round_batch=False).next().pad)
check(lambda: mx.io.CSVIter(data_csv='data.csv', data_shape=(3,), batch_size=16).next().data[0].asnumpy().tolist())
check(lambda: mx.io.CSVIter(data_csv='data.csv', data_shape=(3,), batch_size=5, dtype='int64').next().data[0].dtype)
