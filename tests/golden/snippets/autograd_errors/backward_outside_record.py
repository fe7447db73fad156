from mxnet import nd
x = nd.array([1., 2.])
x.attach_grad()
y = x * 2
print(y)
y.backward()
