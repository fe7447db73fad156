import mxnet as mx
d = mx.init.InitDesc('fc1_weight', {'a': 1})
u = d.upper()
print(u, type(u).__name__)
s = d + '_grad'
print(s, type(s).__name__)
print({'fc1_weight': 5}[d], hash(d) == hash('fc1_weight'))
print(d.split('_'), d[:3], type(d[:3]).__name__)
print('%s and %r' % (d, d))
print(str(d), type(str(d)).__name__)
