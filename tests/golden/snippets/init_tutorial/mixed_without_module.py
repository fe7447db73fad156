import mxnet as mx
init = mx.initializer.Mixed(['bias', '.*'], [mx.init.Zero(), mx.init.Uniform(0.1)])
params = {'fullyconnected1_weight': mx.nd.zeros((1, 3)), 'fullyconnected1_bias': mx.nd.ones((1,))}
for name in sorted(params):
    init(mx.init.InitDesc(name), params[name])
print(params['fullyconnected1_bias'].asnumpy())
w = params['fullyconnected1_weight'].asnumpy()
print(w.shape, bool((abs(w) <= 0.1).all()))
