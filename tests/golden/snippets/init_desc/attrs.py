import mxnet as mx
a = {'__init__': 'zeros', 'lr_mult': '1.0'}
d = mx.init.InitDesc('w', a)
print(d.attrs is a, sorted(d.attrs.items()))
e = {}
print(mx.init.InitDesc('w', e).attrs is e)
print(mx.init.InitDesc('w', attrs=None).attrs)
print(mx.init.InitDesc('w', attrs={'x': 1}, global_init=None).attrs)
