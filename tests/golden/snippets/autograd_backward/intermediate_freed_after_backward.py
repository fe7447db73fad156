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
    y = x * x
    z = y * 2
z.backward()
print(x.grad)
check(lambda: y.backward())
with autograd.record():
    u = y * 3
check(lambda: u.backward())
with autograd.record():
    v = y * x
v.backward()
print(x.grad)
