def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    a = x * x
    b = x * 3
check(lambda: autograd.backward([a, b], [nd.ones(2)]))
check(lambda: autograd.backward([a], [nd.ones(2), nd.ones(2)]))
check(lambda: autograd.backward([a, b], nd.ones(2)))
autograd.backward([a, b])
print(x.grad)
