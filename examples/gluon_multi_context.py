# A legacy MXNet 1.x Gluon program, unchanged: data-parallel training on two CPU contexts
# with split_and_load and Trainer.step (gradients are summed across the copies).
# Run it with:  python -m mxcompat examples/gluon_multi_context.py
# mxcompat-env: MXCOMPAT_RANDOM=mxnet
# mxcompat-env: XLA_FLAGS=--xla_force_host_platform_device_count=2
import numpy as np
import mxnet as mx
from mxnet import autograd, gluon, nd
from mxnet.gluon import nn

ctx = [mx.cpu(0), mx.cpu(1)]
mx.random.seed(9)

rs = np.random.RandomState(4)
X = rs.uniform(-1, 1, size=(48, 6)).astype('float32')
W = rs.uniform(-1, 1, size=(6, 3)).astype('float32')
y = np.argmax(X.dot(W), axis=1).astype('float32')
loader = gluon.data.DataLoader(gluon.data.ArrayDataset(X, y), batch_size=12)

net = nn.HybridSequential()
net.add(nn.Dense(12, activation='relu'), nn.Dense(3))
net.initialize(mx.init.Xavier(), ctx=ctx)
net.hybridize()
print(net)
w0 = net[0].weight
print('weight lives on', w0.list_ctx())

loss_fn = gluon.loss.SoftmaxCrossEntropyLoss()
trainer = gluon.Trainer(net.collect_params(), 'sgd', {'learning_rate': 0.5})
metric = mx.metric.Accuracy()

parts = gluon.utils.split_and_load(nd.arange(10).reshape((5, 2)), ctx, even_split=False)
print('uneven split', [(p.shape, p.context) for p in parts])

for epoch in range(4):
    metric.reset()
    total = 0.0
    for data, label in loader:
        datas = gluon.utils.split_and_load(data, ctx)
        labels = gluon.utils.split_and_load(label, ctx)
        with autograd.record():
            outputs = [net(d) for d in datas]
            losses = [loss_fn(o, l) for o, l in zip(outputs, labels)]
        for l in losses:
            l.backward()
        trainer.step(data.shape[0])
        metric.update(labels, outputs)
        total += sum(l.sum().asscalar() for l in losses)
    print('epoch %d loss %.4f acc %.3f' % (epoch, total / len(X), metric.get()[1]))

# the copies stay identical after every update
copies = w0.list_data()
print('copies on', [c.context for c in copies])
print('copies equal', (copies[0].as_in_context(mx.cpu(0)) ==
                       copies[1].as_in_context(mx.cpu(0))).min().asscalar())
print('grad on cpu(1)', w0.grad(mx.cpu(1)).shape, w0.grad(mx.cpu(1)).context)
out = net(nd.array(X[:4], ctx=mx.cpu(1)))
print(out.context, out.argmax(axis=1).asnumpy().tolist(), y[:4].tolist())
print('weight row 0', w0.data(mx.cpu(1))[0])
