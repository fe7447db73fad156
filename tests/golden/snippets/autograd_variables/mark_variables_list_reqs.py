from mxnet import nd, autograd
a = nd.array([1., 2.])
b = nd.array([3., 4.])
ga = nd.zeros(2)
gb = nd.zeros(2)
autograd.mark_variables([a, b], [ga, gb], ['write', 'add'])
for _ in range(2):
    with autograd.record():
        y = a * 2 + b * 3
    y.backward()
print(ga)
print(gb)
print(a.grad, b.grad)
