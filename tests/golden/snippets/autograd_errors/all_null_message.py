from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad(grad_req='null')
with autograd.record():
    y = nd.sin(x)
autograd.backward([y])
