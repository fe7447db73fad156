from mxnet import autograd
print(autograd.set_recording(1))
print(autograd.is_recording(), type(autograd.is_recording()).__name__)
print(autograd.set_recording(0))
print(autograd.set_training(1))
print(autograd.is_training(), type(autograd.is_training()).__name__)
print(autograd.set_training(0))
print(autograd.is_recording(), autograd.is_training())
