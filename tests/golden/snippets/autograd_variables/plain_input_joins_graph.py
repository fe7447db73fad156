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
w = nd.array([3., 4.])

def set_all(a, v):
    a[:] = v

with autograd.record():
    y = x * w
    check(lambda: set_all(w, 0))
print(w)
