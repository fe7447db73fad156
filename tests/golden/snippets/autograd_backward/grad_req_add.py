from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad(grad_req='add')
with autograd.record():
    y = x * x
for i in range(3):
    y.backward(retain_graph=True)
    print(x.grad)
with autograd.record():
    z = x * 10
z.backward()
print(x.grad)
