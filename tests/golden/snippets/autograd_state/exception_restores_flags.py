from mxnet import autograd
try:
    with autograd.record():
        print(autograd.is_recording(), autograd.is_training())
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)
print(autograd.is_recording(), autograd.is_training())
with autograd.record():
    try:
        with autograd.pause():
            raise KeyError('k')
    except KeyError as e:
        print('caught', repr(e), autograd.is_recording(), autograd.is_training())
print(autograd.is_recording(), autograd.is_training())
