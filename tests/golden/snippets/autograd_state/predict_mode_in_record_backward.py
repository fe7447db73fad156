from mxnet import nd, autograd
x = nd.array([1., 2., 3.])
x.attach_grad()
with autograd.record():
    y = x * 2
    with autograd.predict_mode():
        z = nd.Dropout(y, p=0.5)
    print(autograd.is_recording(), autograd.is_training())
    out = z * x
out.backward()
print(z)
print(x.grad)
