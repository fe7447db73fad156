from mxnet import nd, autograd
a = nd.array([1., 2.])
b = nd.array([5., 7.])
ga, gb = nd.zeros(2), nd.zeros(2)
autograd.mark_variables([a, b], [ga, gb], 'add')
for _ in range(3):
    with autograd.record():
        y = a * b
    y.backward()
print(ga)
print(gb)
