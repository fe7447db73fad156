import mxnet as mx
d = mx.init.InitDesc('abc')
print(d, repr(d), type(d).__name__, isinstance(d, str))
print(d.attrs, d.global_init)
print(d == 'abc', d.endswith('bc'), len(d))
