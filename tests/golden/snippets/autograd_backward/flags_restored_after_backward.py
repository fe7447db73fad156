from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = x * x
with autograd.predict_mode():
    y.backward(train_mode=True, retain_graph=True)
    print(autograd.is_recording(), autograd.is_training())
with autograd.train_mode():
    y.backward(train_mode=False)
    print(autograd.is_recording(), autograd.is_training())
print(autograd.is_recording(), autograd.is_training())
print(x.grad)
