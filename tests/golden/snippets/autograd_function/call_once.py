def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd, autograd

class Double(autograd.Function):
    def forward(self, x):
        return x * 2

    def backward(self, dy):
        return dy * 2

f = Double()
x = nd.array([1., 2.])
check(lambda: f(x))
check(lambda: f(x))
g = Double()
x.attach_grad()
with autograd.record():
    y = g(x)
check(lambda: g(x))
y.backward()
print(x.grad)
