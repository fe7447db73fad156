import mxnet as mx
x = mx.nd.ones((1,))
x.attach_grad()
with mx.autograd.record():
    z = mx.nd.elemwise_add(mx.nd.exp(x), x)
dx = mx.autograd.grad(z, [x], create_graph=True)
print(dx)
