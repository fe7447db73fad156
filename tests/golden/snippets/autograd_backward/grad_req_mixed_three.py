from mxnet import nd, autograd
a = nd.array([1., 2.])
b = nd.array([3., 4.])
c = nd.array([5., 6.])
autograd.mark_variables([a, b, c], [nd.ones(2), nd.ones(2), nd.ones(2)], ['write', 'add', 'null'])
for _ in range(2):
    with autograd.record():
        y = a * b * c
    y.backward()
print(a.grad)
print(b.grad)
print(c.grad)
