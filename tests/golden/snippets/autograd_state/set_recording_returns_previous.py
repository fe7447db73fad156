from mxnet import autograd
a = autograd.set_recording(True)
b = autograd.set_recording(True)
c = autograd.set_recording(False)
d = autograd.set_recording(False)
print(a, b, c, d)
print(type(a).__name__)
print(autograd.is_recording())
