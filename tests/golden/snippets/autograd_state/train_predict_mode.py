from mxnet import autograd
with autograd.train_mode():
    print('train_mode', autograd.is_recording(), autograd.is_training())
    with autograd.predict_mode():
        print('predict in train', autograd.is_recording(), autograd.is_training())
    print('back', autograd.is_recording(), autograd.is_training())
with autograd.record():
    with autograd.predict_mode():
        print('predict in record', autograd.is_recording(), autograd.is_training())
    print('record', autograd.is_recording(), autograd.is_training())
with autograd.record(train_mode=False):
    with autograd.train_mode():
        print('train in record(False)', autograd.is_recording(), autograd.is_training())
    print('record(False)', autograd.is_recording(), autograd.is_training())
print(autograd.is_recording(), autograd.is_training())
