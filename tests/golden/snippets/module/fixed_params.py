import mxnet as mx
data = mx.sym.Variable('data')
net = mx.sym.FullyConnected(data, num_hidden=2, name='fc')
net = mx.sym.LinearRegressionOutput(net, name='lro')
mod = mx.mod.Module(net, label_names=['lro_label'], fixed_param_names=['fc_bias'])
mod.bind(data_shapes=[('data', (2, 3))], label_shapes=[('lro_label', (2, 2))])
mod.init_params(mx.init.Constant(0.5))
mod.init_optimizer(optimizer='sgd', optimizer_params=(('learning_rate', 0.5), ('momentum', 0.9)))
batch = mx.io.DataBatch([mx.nd.array([[1, 2, 3], [3, 2, 1]])], [mx.nd.array([[1, 0], [0, 1]])])
for _ in range(3):
    mod.forward_backward(batch)
    mod.update()
args, auxs = mod.get_params()
for k in args:
    print(k, args[k].asnumpy().round(5).tolist())
