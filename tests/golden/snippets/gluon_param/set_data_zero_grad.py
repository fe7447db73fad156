import mxnet as mx
from mxnet import gluon, autograd

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

p = gluon.Parameter('w', shape=(2, 2), init=mx.init.One())
check(lambda: p.set_data(mx.nd.ones((2, 2))))
p.initialize(ctx=[mx.cpu(0), mx.cpu(1)])
p.set_data(mx.nd.array([[1, 2], [3, 4]]))
print(p.data(mx.cpu(0)))
print(p.data(mx.cpu(1)))
check(lambda: p.set_data(mx.nd.ones((3, 2))))
x = p.data(mx.cpu(0))
with autograd.record():
    y = (x * x).sum()
y.backward()
print(p.grad(mx.cpu(0)))
print(p.grad(mx.cpu(1)))
p.zero_grad()
print(p.grad(mx.cpu(0)))
q = gluon.Parameter('q', shape=(2,), grad_req='null', init=mx.init.One())
q.initialize()
q.zero_grad()
print('zero_grad on null ok')
