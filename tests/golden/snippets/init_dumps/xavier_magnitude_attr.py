import mxnet as mx
x = mx.init.Xavier(magnitude=3)
print(x.dumps())
print(x.magnitude, type(x.magnitude).__name__)
print(x.rnd_type, x.factor_type)
y = mx.init.Xavier(magnitude="2.5")
print(y.dumps())
print(y.magnitude)
