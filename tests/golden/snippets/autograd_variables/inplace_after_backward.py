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

def iadd(a):
    a += 1
    return a

with autograd.record():
    y = x * 2
y.backward()
with autograd.record():
    check(lambda: iadd(y))
    check(lambda: iadd(x))
print(x)
