import mxnet as mx
d = mx.init.InitDesc('x')
d.extra = 5
print(d.extra)
print(isinstance(mx.init.InitDesc('y'), mx.init.InitDesc))
print(mx.init.InitDesc(mx.init.InitDesc('z', {'k': 1})), mx.init.InitDesc(mx.init.InitDesc('z', {'k': 1})).attrs)
