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
        print('backward')
        return dy * 2

x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = Double()(x)
y.backward(retain_graph=True)
y.backward()
print(x.grad)
check(lambda: y.backward())
