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

def set_all(a, v):
    a[:] = v

def set_one(a, i, v):
    a[i] = v

def iadd(a):
    a += 1

with autograd.record():
    y = x * 2
    check(lambda: iadd(y))
    print(y)
    check(lambda: set_all(x, 5))
    print(x)
    check(lambda: set_one(y, 0, 1))
    print(y)
