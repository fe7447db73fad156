import mxnet as mx
print(mx.init.Xavier(factor_type="in", magnitude=2.34).dumps())
print(mx.init.Xavier('gaussian', 'out', 2).dumps())
print(mx.init.Xavier(magnitude=3.0).dumps())
print(mx.init.Xavier(magnitude=1, rnd_type='gaussian').dumps())
print(mx.init.Xavier(factor_type='avg', rnd_type='uniform', magnitude=6).dumps())
print(mx.init.Xavier('uniform', 'in').dumps())
