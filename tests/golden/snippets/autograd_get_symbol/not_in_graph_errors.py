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
    y = x * 2
print(type(autograd.get_symbol(y)).__name__)
y.backward()
check(lambda: autograd.get_symbol(nd.array([1.])))
check(lambda: autograd.get_symbol(y).list_arguments())
check(lambda: autograd.get_symbol([1, 2]))
