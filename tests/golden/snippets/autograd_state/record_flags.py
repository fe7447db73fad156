from mxnet import autograd
with autograd.record():
    print(autograd.is_recording(), autograd.is_training())
print(autograd.is_recording(), autograd.is_training())
with autograd.record(train_mode=False):
    print(autograd.is_recording(), autograd.is_training())
print(autograd.is_recording(), autograd.is_training())
with autograd.record(False):
    print(autograd.is_recording(), autograd.is_training())
