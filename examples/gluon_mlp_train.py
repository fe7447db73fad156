# A legacy MXNet 1.x Gluon program, unchanged: a small MLP classifier trained with SGD.
# Run it with:  python -m mxcompat examples/gluon_mlp_train.py
# mxcompat-env: MXCOMPAT_RANDOM=mxnet
import numpy as np
import mxnet as mx
from mxnet import autograd, gluon, nd
from mxnet.gluon import nn

mx.random.seed(42)

# a synthetic 3-class problem: three Gaussian blobs in 4 dimensions
rs = np.random.RandomState(0)
centers = rs.uniform(-2, 2, size=(3, 4)).astype('float32')
labels = np.repeat(np.arange(3), 40)
features = centers[labels] + 0.6 * rs.randn(120, 4).astype('float32')
order = rs.permutation(120)
X, y = features[order], labels[order].astype('float32')

dataset = gluon.data.ArrayDataset(nd.array(X), nd.array(y))
loader = gluon.data.DataLoader(dataset, batch_size=20, shuffle=False)
print('dataset size', len(dataset), 'batches', len(loader))

net = nn.Sequential()
with net.name_scope():
    net.add(nn.Dense(16, activation='relu'))
    net.add(nn.Dense(8, activation='tanh'))
    net.add(nn.Dense(3))
net.initialize(mx.init.Xavier())
print(net)

loss_fn = gluon.loss.SoftmaxCrossEntropyLoss()
trainer = gluon.Trainer(net.collect_params(), 'sgd',
                        {'learning_rate': 0.1, 'momentum': 0.9})
metric = mx.metric.Accuracy()

for epoch in range(5):
    metric.reset()
    total = 0.0
    for data, label in loader:
        with autograd.record():
            output = net(data)
            loss = loss_fn(output, label)
        loss.backward()
        trainer.step(data.shape[0])
        total += loss.sum().asscalar()
        metric.update([label], [output])
    name, acc = metric.get()
    print('epoch %d loss %.4f %s %.3f' % (epoch, total / len(dataset), name, acc))

for name, param in net.collect_params().items():
    print(name, param.shape, '%.4f' % param.data().abs().mean().asscalar())

test = nd.array(centers)
probs = nd.softmax(net(test))
print('predictions', nd.argmax(probs, axis=1))
print(probs)
print('trainer lr', trainer.learning_rate)
