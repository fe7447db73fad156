from mxnet import autograd
with autograd.record() as r:
    print(r)
with autograd.pause() as p:
    print(p)
with autograd.train_mode() as t:
    print(t)
with autograd.predict_mode() as q:
    print(q)
