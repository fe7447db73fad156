import mxnet as mx
init = mx.init.Uniform()
cases = [('fc_bias', 'one'), ('bn_moving_var', 'zeros'), ('whatever', '["constant", {"value": 5}]'),
         ('prelu_gamma', '["Constant", {"value": 0.25}]'), ('bn_moving_mean', '["zero", {}]'),
         ('bn_moving_var', '["one", {}]'), ('x', 'ONES')]
for name, attr in cases:
    a = mx.nd.ones((3,)) * 7
    init(mx.init.InitDesc(name, attrs={'__init__': attr}), a)
    print(name, attr, a.asnumpy())
a = mx.nd.zeros((2,))
init(mx.init.InitDesc('p', attrs={'__init__': mx.init.Constant(3)}), a)
print(a)
