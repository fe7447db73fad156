import mxnet as mx
d = mx.sym.var('data')
e = mx.sym.var('e')
with mx.name.NameManager():
    ops = [d + e, d - e, d * e, d / e, d ** e, d % e, d > e, d >= e, d < e, d <= e, d == e, d != e,
           d + 1, 1 + d, d - 1, 1 - d, d * 2, 2 * d, d / 2, 2 / d, d ** 2, 2 ** d, d % 2, 2 % d,
           d > 1, d >= 1, d < 1, d <= 1, d == 1, d != 1, -d, abs(d), 1 < d,
           mx.sym.maximum(d, e), mx.sym.maximum(d, 1), mx.sym.pow(d, 2)]
    print([o.name for o in ops])
    print(d.reshape((2, -1)).name, d.sum(axis=1).name, d.flatten().name, d.exp().name, d.astype('float16').name)
try:
    d + 'a'
except TypeError as ex:
    print('!! CAUGHT TypeError:', ex)
