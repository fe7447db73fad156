import mxnet as mx
from mxnet import nd

w = nd.ones((2,), dtype='float16')
for name in ('sgd', 'nag', 'adam', 'lars'):
    opt = mx.optimizer.create(name, momentum=0.9) if name in ('sgd', 'nag', 'lars') \
        else mx.optimizer.create(name)
    st = opt.create_state_multi_precision(0, w)
    print(name, st if st is None or not isinstance(st, tuple) else len(st))
