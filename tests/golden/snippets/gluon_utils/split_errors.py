# split_data / split_and_load refuse an uneven split unless even_split=False
import mxnet as mx
from mxnet import nd, gluon
U = gluon.utils

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

check(lambda: U.split_data(nd.ones((5, 2)), 2))
check(lambda: U.split_data(nd.ones((3, 4)), 3, batch_axis=1))
check(lambda: U.split_and_load(nd.ones((7, 2)), [mx.cpu(0), mx.cpu(1), mx.cpu(2)]))
