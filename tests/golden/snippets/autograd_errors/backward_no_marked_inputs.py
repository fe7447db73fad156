from mxnet import nd, autograd
a = nd.array([1., 2.])
with autograd.record():
    b = nd.exp(a) * 2
b.backward()
