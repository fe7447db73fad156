import mxnet as mx
data = mx.sym.Variable('data')
net = mx.sym.FullyConnected(data, num_hidden=1)
net = mx.sym.FullyConnected(data, num_hidden=1)
module = mx.mod.Module(symbol=net, data_names=['data'], label_names=None)
module.bind(data_shapes=[('data', (1, 3))])
mx.random.seed(0)
init = mx.initializer.Mixed(['bias', '.*'], [mx.init.Zero(), mx.init.Uniform(0.1)])
module.init_params(init)
for dictionary in module.get_params():
    for key in dictionary:
        print(key)
        v = dictionary[key].asnumpy()
        print(v.shape, bool((abs(v) <= 0.1).all()), v.dtype)
print(module.data_names, module.output_names, module.label_shapes)
print(module.data_shapes)
print(module.binded, module.params_initialized, module.optimizer_initialized)
