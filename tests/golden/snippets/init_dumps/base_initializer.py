import mxnet as mx
print(mx.init.Initializer(a=1).dumps())
print(mx.init.Initializer().dumps())
print(mx.init.Initializer(b=[1, 2], c=None, d="x").dumps())
