def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd, autograd

class Square(autograd.Function):
    def forward(self, x):
        self.save_for_backward(x)
        return x * x

    def backward(self, dy):
        print('backward called')
        x, = self.saved_tensors
        return 2 * x * dy

x = nd.array([1., 2.])
x.attach_grad()
y = Square()(x)
print(y)
check(lambda: y.backward())
print(x.grad)
