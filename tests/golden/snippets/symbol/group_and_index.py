import mxnet as mx
d = mx.sym.var('data')
s = mx.sym.split(d, num_outputs=3, name='sp')
print(s, s.list_outputs(), len(s))
print(s[1].list_outputs(), s['sp_output2'].list_outputs(), [x.list_outputs() for x in s])
g = mx.sym.Group([mx.sym.exp(d, name='e'), mx.sym.sin(d, name='s')])
print(g, g.name, g.list_outputs(), g.get_internals().list_outputs())
b = mx.sym.BatchNorm(d, output_mean_var=True, name='bn')
print(b.list_outputs(), b[0])
def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).split('\n')[0]))
check(lambda: s[3])
check(lambda: s['nope'])
check(lambda: s[1.5])
check(lambda: mx.sym.exp(s))
check(lambda: mx.sym.exp(3))
check(lambda: bool(d))
