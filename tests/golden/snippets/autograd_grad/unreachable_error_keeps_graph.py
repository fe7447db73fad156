def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd, autograd
a = nd.array([1., 2.])
b = nd.array([5., 6.])
a.attach_grad()
b.attach_grad()
with autograd.record():
    y = a * 2
check(lambda: autograd.grad(y, [b]))
check(lambda: autograd.grad(y, [a, b]))
y.backward()
print(a.grad)
