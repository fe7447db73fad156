from mxnet import nd, autograd
x = nd.array([1., 2., 3., 4.])
print(nd.Dropout(x, p=0.5))
with autograd.record(train_mode=False):
    print(nd.Dropout(x, p=0.5))
with autograd.pause():
    print(nd.Dropout(x, p=0.5))
with autograd.record():
    with autograd.predict_mode():
        print(nd.Dropout(x, p=0.5))
with autograd.record():
    with autograd.pause():
        print(nd.Dropout(x, p=0.5))
