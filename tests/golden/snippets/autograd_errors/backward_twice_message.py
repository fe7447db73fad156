from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = x * 2
y.backward()
try:
    y.backward()
except Exception as e:
    msg = str(e)
    print(type(e).__name__, isinstance(e, RuntimeError))
    print('Cannot differentiate node because it is not in a computational graph' in msg)
    print('pass retain_graph=True to backward.' in msg)
