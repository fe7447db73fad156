from mxnet import autograd
with autograd.train_mode():
    print(autograd.is_training())
    raise RuntimeError('not swallowed')
