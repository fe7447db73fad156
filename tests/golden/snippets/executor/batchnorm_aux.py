import mxnet as mx
import numpy as np
d = mx.sym.var('data')
net = mx.sym.BatchNorm(d, name='bn', momentum=0.5, fix_gamma=False)
net = mx.sym.FullyConnected(net, num_hidden=3, name='fc')
exe = net.simple_bind(mx.cpu(), data=(4, 2))
exe.arg_dict['data'][:] = np.arange(8, dtype='float32').reshape(4, 2) / 10
exe.arg_dict['bn_gamma'][:] = np.array([1.0, 2.0])
exe.arg_dict['bn_beta'][:] = np.array([0.5, -0.5])
exe.arg_dict['fc_weight'][:] = np.arange(6).reshape(3, 2) / 20
exe.aux_dict['bn_moving_var'][:] = 1
print(exe.forward(is_train=True)[0])
print(exe.aux_dict)
exe.backward(mx.nd.ones((4, 3)))
print(exe.grad_dict['bn_gamma'], exe.grad_dict['bn_beta'], exe.grad_dict['data'])
print(exe.forward(is_train=False)[0])
print(exe.aux_dict['bn_moving_mean'])
print(net.infer_shape(data=(4, 2)))
