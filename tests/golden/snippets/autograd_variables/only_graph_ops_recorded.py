def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd, autograd
w = nd.array([1., 2.])
x = nd.array([3., 4.])
x.attach_grad()
with autograd.record():
    v = w * 2
    u = v + 1
    y = u * x
check(lambda: v.backward())
check(lambda: u.backward())
y.backward()
print(x.grad)
