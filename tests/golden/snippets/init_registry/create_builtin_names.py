import mxnet as mx
for name in ['zero', 'zeros', 'one', 'ones', 'uniform', 'normal', 'orthogonal', 'xavier',
             'msraprelu', 'bilinear', 'lstmbias']:
    init = mx.init.create(name)
    print(name, type(init).__name__, init.dumps())
print(type(mx.init.create('constant', value=1)).__name__)
print(type(mx.init.create('fusedrnn', None, 2, 1, 'lstm')).__name__)
