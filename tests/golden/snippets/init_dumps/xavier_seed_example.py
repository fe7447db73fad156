import mxnet as mx
init = mx.init.Xavier(rnd_type="uniform", factor_type="in", magnitude=2.45)
print(init.dumps())
print(repr(init.dumps()))
