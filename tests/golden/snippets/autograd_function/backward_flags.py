from mxnet import nd, autograd

class Probe(autograd.Function):
    def forward(self, x):
        return x * 3

    def backward(self, dy):
        print('backward', autograd.is_recording(), autograd.is_training())
        return dy * 3

x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = Probe()(x)
y.backward()
with autograd.record():
    y = Probe()(x)
y.backward(train_mode=False)
with autograd.record():
    y = Probe()(x)
    y.backward()
print(x.grad)
print(autograd.is_recording(), autograd.is_training())
