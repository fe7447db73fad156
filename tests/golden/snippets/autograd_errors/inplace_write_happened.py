from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
try:
    with autograd.record():
        x[:] = 5
except Exception as e:
    print(type(e).__name__, 'Assigning to NDArrays that are already in a computational graph' in str(e))
print(x)
print(autograd.is_recording())
try:
    with autograd.record():
        y = x * 1
        y[1] = 7
except Exception as e:
    print(type(e).__name__)
print(y)
