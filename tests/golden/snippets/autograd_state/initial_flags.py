from mxnet import autograd
print(autograd.is_recording(), autograd.is_training())
print(type(autograd.is_recording()).__name__, type(autograd.is_training()).__name__)
