from mxnet import autograd
a = autograd.set_training(True)
print(autograd.is_training(), autograd.is_recording())
b = autograd.set_training(True)
c = autograd.set_training(False)
d = autograd.set_training(False)
print(a, b, c, d)
print(type(c).__name__)
