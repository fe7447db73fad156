from mxnet import autograd
# recording already on: record() enters with the value it found, so exit does not restore
autograd.set_recording(True)
with autograd.record():
    autograd.set_recording(False)
print('after record', autograd.is_recording())
autograd.set_recording(False)
# recording off: record() turns it on, so exit restores False even if changed inside
with autograd.record():
    autograd.set_recording(True)
print('after record 2', autograd.is_recording())
# training: pause() enters with training False; training was False already
with autograd.pause():
    autograd.set_training(True)
print('after pause', autograd.is_recording(), autograd.is_training())
autograd.set_training(False)
with autograd.train_mode():
    autograd.set_training(False)
print('after train_mode', autograd.is_training())
