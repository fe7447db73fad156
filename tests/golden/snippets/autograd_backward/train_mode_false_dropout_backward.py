from mxnet import nd, autograd
x = nd.ones((6,))
x.attach_grad()
with autograd.record(train_mode=False):
    y = nd.Dropout(x, p=0.5) * 3
y.backward(train_mode=False)
print(y)
print(x.grad)
