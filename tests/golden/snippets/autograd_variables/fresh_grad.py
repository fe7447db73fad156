from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
print(x._fresh_grad, type(x._fresh_grad).__name__)
with autograd.record():
    y = x * x
y.backward()
print(x._fresh_grad)
x._fresh_grad = 0
print(x._fresh_grad)
x._fresh_grad = 1
print(x._fresh_grad)
x._fresh_grad = False
print(x._fresh_grad)
x.attach_grad()
print(x._fresh_grad)
