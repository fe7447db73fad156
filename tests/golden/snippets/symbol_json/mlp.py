import mxnet as mx
data = mx.sym.Variable('data')
net = mx.sym.FullyConnected(data, num_hidden=16, name='fc1')
net = mx.sym.Activation(net, act_type='relu', name='relu1')
net = mx.sym.FullyConnected(net, num_hidden=4, no_bias=True, name='fc2')
net = mx.sym.SoftmaxOutput(net, name='softmax')
print(net.tojson())
