def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad('add')
with autograd.record():
    y = nd.exp(x * 0) * x
check(lambda: y.backward(retain_graph=True))
check(lambda: y.backward(retain_graph=True))
check(lambda: y.backward())
check(lambda: y.backward())
print(x.grad)
