import mxnet as mx
import numpy as np
data = mx.sym.Variable('data')
net = mx.sym.FullyConnected(data, num_hidden=2, name='fc')
mod = mx.mod.Module(net, label_names=None)
mod.bind(data_shapes=[('data', (2, 3))], inputs_need_grad=True)
mod.set_params({'fc_weight': mx.nd.array([[1, 2, 3], [4, 5, 6]]), 'fc_bias': mx.nd.array([0.5, -0.5])}, {})
mod.forward(mx.io.DataBatch([mx.nd.array([[1, 0, 0], [0, 1, 1]])]), is_train=True)
print(mod.get_outputs()[0])
mod.backward([mx.nd.array([[1, 0], [0, 2]])])
print(mod.get_input_grads()[0])
print(mod._exec_group.grad_arrays)
