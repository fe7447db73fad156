import mxnet as mx
d = mx.sym.var('data')
v = mx.sym.var('w', shape=(2, 3), lr_mult=2.0, wd_mult=0.5, dtype='float16', init=mx.init.One(), __foo__='x')
for k in ['__shape__', 'lr_mult', '__lr_mult__', '__dtype__', '__init__', '__foo__', 'missing']:
    print(k, v.attr(k))
print(sorted(v.list_attr().items()))
with mx.attribute.AttrScope(ctx_group='dev1'):
    f = mx.sym.FullyConnected(d, num_hidden=2, name='fc')
print(sorted(f.list_attr().items()))
print(sorted((k, sorted(x.items())) for k, x in f.attr_dict().items()))
f._set_attr(__zz__='1')
print(f.attr('__zz__'), f.attr('num_hidden'))
print(mx.sym.var('z', init='zeros').list_attr(), mx.sym.var('z', stype='row_sparse').list_attr(), mx.sym.var('z', shape=5).list_attr())
def check(fn):
    try:
        print(fn())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).split('\n')[0]))
check(lambda: mx.sym.var('x', foo=1))
check(lambda: mx.sym.var(3))
check(lambda: mx.attribute.AttrScope(x=1))
check(lambda: f._set_attr(__zz__=1))
check(lambda: mx.sym.Group([f, d]).attr('num_hidden'))
