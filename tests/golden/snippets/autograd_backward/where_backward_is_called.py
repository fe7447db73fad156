from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = x * x
y.backward()
print('outside', x.grad)
with autograd.record():
    y = x * 3
    y.backward()
    print('inside', x.grad, autograd.is_recording(), autograd.is_training())
with autograd.record():
    y = x * 5
    with autograd.pause():
        y.backward()
        print('pause', x.grad, autograd.is_recording(), autograd.is_training())
print(autograd.is_recording(), autograd.is_training())
