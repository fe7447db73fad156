import numpy as np
import mxnet as mx
x = np.arange(20, dtype=np.float32).reshape(10, 2) / 10
y = np.array([0, 1] * 5, dtype=np.float32)
it = mx.io.NDArrayIter(x, y, batch_size=4)
data = mx.sym.Variable('data')
net = mx.sym.FullyConnected(data, num_hidden=2, name='fc')
net = mx.sym.SoftmaxOutput(net, name='softmax')
mod = mx.mod.Module(net)
mod.bind(it.provide_data, it.provide_label, for_training=False)
mod.set_params({'fc_weight': mx.nd.array([[1, -1], [-1, 1]]), 'fc_bias': mx.nd.array([0, 0.5])}, {})
print(mod.score(it, 'acc'))
print(mod.score(it, mx.metric.create(['acc', 'mse']), num_batch=2))
out = mod.predict(it)
print(out.shape)
print(out)
print(len(mod.predict(it, merge_batches=False)), mod.predict(it, always_output_list=True)[0].shape)
for outs, nbatch, batch in mod.iter_predict(it):
    print(nbatch, outs[0].shape, batch.pad)
print(mod.predict(mx.nd.array(x[:4])))
