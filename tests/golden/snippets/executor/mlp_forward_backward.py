import mxnet as mx
import numpy as np
data = mx.sym.var('data')
net = mx.sym.FullyConnected(data, num_hidden=4, name='fc1')
net = mx.sym.Activation(net, act_type='tanh', name='act')
net = mx.sym.FullyConnected(net, num_hidden=3, name='fc2')
net = mx.sym.SoftmaxOutput(net, name='sm')
exe = net.simple_bind(mx.cpu(), data=(5, 6))
print(sorted((k, v.shape) for k, v in exe.arg_dict.items()))
exe.arg_dict['data'][:] = np.arange(30).reshape(5, 6) / 30.0
exe.arg_dict['fc1_weight'][:] = (np.arange(24).reshape(4, 6) % 5 - 2) / 10.0
exe.arg_dict['fc1_bias'][:] = np.array([0.1, -0.1, 0.2, 0.0])
exe.arg_dict['fc2_weight'][:] = (np.arange(12).reshape(3, 4) % 3 - 1) / 5.0
exe.arg_dict['sm_label'][:] = np.array([0, 1, 2, 1, 0])
out = exe.forward(is_train=True)
print(out[0])
exe.backward()
for k in ['fc1_weight', 'fc1_bias', 'fc2_weight', 'fc2_bias', 'data']:
    print(k, exe.grad_dict[k])
print(exe.output_dict.keys())
print(exe.forward()[0].shape)
