from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
for k in range(1, 4):
    with autograd.record():
        y = x * k
    y.backward()
    print(x.grad)
