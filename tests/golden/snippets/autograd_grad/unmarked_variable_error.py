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
n = nd.array([5., 6.])
n.attach_grad('null')
with autograd.record():
    y = x * w * n
check(lambda: autograd.grad(y, [w], retain_graph=True))
check(lambda: autograd.grad(y, [x, w], retain_graph=True))
check(lambda: autograd.grad(y, [x, x, n], retain_graph=True))
print(autograd.grad(y, [x])[0])
