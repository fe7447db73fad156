def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd, autograd
x = nd.array([-1., 2.])
x.attach_grad()
with autograd.record():
    y = x * 1
    check(lambda: nd.relu(y, out=y))
    print(y)
    z = nd.zeros(2)
    print(nd.relu(y, out=z))
