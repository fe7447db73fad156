import mxnet as mx
print(mx.init.create('uniform', scale=3).dumps())
print(mx.init.create('constant', value=1).dumps())
print(mx.init.create('xavier', 'gaussian', 'out', 2).dumps())
print(mx.init.create('normal', 0.5).dumps())
print(mx.init.create('orthogonal', rand_type='normal').dumps())
