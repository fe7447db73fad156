def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd, autograd

class Mul(autograd.Function):
    def forward(self, a, b):
        self.save_for_backward(a, b)
        return a * b

    def backward(self, dy):
        a, b = self.saved_tensors
        return dy * b, dy * a

def set_all(a, v):
    a[:] = v

x = nd.array([1., 2.])
x.attach_grad()
w = nd.array([3., 4.])
with autograd.record():
    y = Mul()(x, w)
    check(lambda: set_all(w, 0))
print(w)
check(lambda: autograd.grad(y, [w], retain_graph=True))
print(autograd.grad(y, [x])[0])
