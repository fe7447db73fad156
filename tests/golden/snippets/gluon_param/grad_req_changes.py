import mxnet as mx
from mxnet import gluon, autograd

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

p = gluon.Parameter('w', shape=(2,), init=mx.init.One())
p.initialize()
p.grad_req = 'null'
print(p.grad_req)
check(lambda: p.grad())
check(lambda: p.list_grad())
with autograd.record():
    y = p.data() * 2
print(y)
p.grad_req = 'write'
print(p.grad())
with autograd.record():
    y = (p.data() * 3).sum()
y.backward()
print(p.grad())
p.grad_req = 'add'
with autograd.record():
    y = (p.data() * 3).sum()
y.backward()
with autograd.record():
    y = (p.data() * 3).sum()
y.backward()
print(p.grad())
def bad():
    p.grad_req = 'bogus'
check(bad)
print(p.grad_req)
q = gluon.Parameter('q', shape=(2,), differentiable=False)
q.grad_req = 'write'
print(q.grad_req)
check(lambda: gluon.Parameter('r', grad_req='foo'))
