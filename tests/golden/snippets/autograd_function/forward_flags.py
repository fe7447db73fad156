from mxnet import nd, autograd

class Probe(autograd.Function):
    def forward(self, x):
        print('forward', autograd.is_recording(), autograd.is_training())
        return x + 1

    def backward(self, dy):
        return dy

x = nd.array([1., 2.])
x.attach_grad()
Probe()(x)
with autograd.record():
    Probe()(x)
    print('after', autograd.is_recording(), autograd.is_training())
with autograd.record(train_mode=False):
    Probe()(x)
with autograd.train_mode():
    Probe()(x)
print(autograd.is_recording(), autograd.is_training())
