from mxnet import autograd
with autograd.record():
    with autograd.pause():
        print(autograd.is_recording(), autograd.is_training())
    print(autograd.is_recording(), autograd.is_training())
    with autograd.pause(train_mode=True):
        print(autograd.is_recording(), autograd.is_training())
    print(autograd.is_recording(), autograd.is_training())
with autograd.pause():
    print(autograd.is_recording(), autograd.is_training())
print(autograd.is_recording(), autograd.is_training())
