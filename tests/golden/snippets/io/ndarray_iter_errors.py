import mxnet as mx
from mxnet import nd

def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

check(lambda: mx.io.NDArrayIter(None))
check(lambda: mx.io.NDArrayIter([]))
check(lambda: mx.io.NDArrayIter(nd.ones(3), label=5))
check(lambda: mx.io.NDArrayIter((nd.ones(3), nd.ones(3))))
check(lambda: mx.io.NDArrayIter({'a': object()}))
it = mx.io.NDArrayIter(nd.ones(3), batch_size=2)
list(it)
check(lambda: it.getdata())
check(lambda: it.next())
check(lambda: it.next())
