from mxnet import autograd
s = autograd.record(train_mode=False)
print(type(s).__name__)
with s:
    print(autograd.is_recording(), autograd.is_training())
print(autograd.is_recording(), autograd.is_training())
with s:
    print(autograd.is_recording(), autograd.is_training())
print(autograd.is_recording(), autograd.is_training())
