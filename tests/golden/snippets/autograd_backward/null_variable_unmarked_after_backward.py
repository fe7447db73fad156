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
x.attach_grad('null')
w.attach_grad()
with autograd.record():
    y = x * w
y.backward()
print(w.grad)
with autograd.record():
    z = x * 2
check(lambda: z.backward())
