def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd, autograd
x = nd.array([1., 2.])
g = nd.zeros(2)
check(lambda: autograd.mark_variables(x, [g]))
check(lambda: autograd.mark_variables([x], [g], 'foo'))
check(lambda: autograd.mark_variables([x], [g], ['writ']))
check(lambda: x.attach_grad('bogus'))
check(lambda: x.attach_grad(grad_req='Write'))
print(x.grad)
