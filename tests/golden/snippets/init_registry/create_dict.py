import mxnet as mx
print(mx.init.create({'initializer': 'normal', 'sigma': 2}).dumps())
print(mx.init.create(initializer='xavier', magnitude=2).dumps())
print(mx.init.create({'initializer': 'Constant', 'value': 4}).dumps())
print(mx.init.create({'initializer': mx.init.One()}).dumps())
