import mxnet as mx
data = mx.sym.Variable('data')
net = mx.sym.FullyConnected(data, num_hidden=1, name='fc')
module = mx.mod.Module(symbol=net)
module.bind(data_shapes=[('data', (2, 3))])
module.init_params(mx.init.One())
module.init_params(mx.init.One())
print(module.get_params())
