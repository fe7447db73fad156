def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd, autograd
x = nd.array([1., 2.])
w = nd.array([3., 4.])
autograd.mark_variables([x, w], [nd.zeros(2), nd.zeros(2)], 'null')
with autograd.record():
    y = x * w
check(lambda: y.backward())
print(x.grad, w.grad)
