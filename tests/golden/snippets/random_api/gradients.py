import mxnet as mx
from mxnet import autograd
mu = mx.nd.array([1., 2.])
sg = mx.nd.array([1., 1.])
mu.attach_grad()
sg.attach_grad()
with autograd.record():
    y = mx.nd.sample_normal(mu, sg, shape=3)
y.backward()
print(mu.grad, sg.grad)
p = mx.nd.array([[0.2, 0.8]])
p.attach_grad()
with autograd.record():
    s, lp = mx.nd.random.multinomial(p, shape=4, get_prob=True)
lp.backward()
c = s.asnumpy()
print(abs(p.grad.asnumpy()[0, 0] - (c == 0).sum() / 0.2) < 1e-4,
      abs(p.grad.asnumpy()[0, 1] - (c == 1).sum() / 0.8) < 1e-4)
x = mx.nd.array([1., 2., 3.])
x.attach_grad()
with autograd.record():
    y = mx.nd.random.uniform_like(x)
y.backward()
print(x.grad)
