# A legacy MXNet 1.x Gluon program, unchanged: a LeNet-style CNN, hybridized, trained
# with Adam on synthetic 28x28 images.  Run it with:
#   python -m mxcompat examples/gluon_cnn_train.py
# mxcompat-env: MXCOMPAT_RANDOM=mxnet
import numpy as np
import mxnet as mx
from mxnet import autograd, gluon, nd
from mxnet.gluon import nn

mx.random.seed(7)

# synthetic images: class 0 has a bright horizontal bar, class 1 a vertical one
rs = np.random.RandomState(1)
n = 64
labels = rs.randint(0, 2, size=n)
images = 0.1 * rs.rand(n, 1, 28, 28).astype('float32')
pos = rs.randint(6, 22, size=n)
for i in range(n):
    if labels[i] == 0:
        images[i, 0, pos[i]:pos[i] + 3, 4:24] += 1.0
    else:
        images[i, 0, 4:24, pos[i]:pos[i] + 3] += 1.0

train = gluon.data.ArrayDataset(nd.array(images), nd.array(labels))
loader = gluon.data.DataLoader(train, batch_size=16, shuffle=False)

net = nn.HybridSequential()
with net.name_scope():
    net.add(nn.Conv2D(channels=6, kernel_size=5, activation='relu'),
            nn.MaxPool2D(pool_size=2, strides=2),
            nn.Conv2D(channels=12, kernel_size=3, activation='relu'),
            nn.MaxPool2D(pool_size=2, strides=2),
            nn.Flatten(),
            nn.Dense(32, activation='relu'),
            nn.Dense(2))
net.initialize(mx.init.Xavier(magnitude=2.24))
net.hybridize()
print(net)

x0 = nd.array(images[:2])
print('output shape', net(x0).shape)
for name, p in net.collect_params().items():
    print(name, p.shape)

loss_fn = gluon.loss.SoftmaxCrossEntropyLoss()
trainer = gluon.Trainer(net.collect_params(), 'adam', {'learning_rate': 0.005})
metric = mx.metric.Accuracy()

for epoch in range(4):
    metric.reset()
    cumulative = 0.0
    for data, label in loader:
        with autograd.record():
            out = net(data)
            loss = loss_fn(out, label)
        loss.backward()
        trainer.step(data.shape[0])
        cumulative += loss.mean().asscalar()
        metric.update(label, out)
    print('epoch %d loss %.4f train acc %.3f' % (epoch, cumulative / len(loader),
                                                  metric.get()[1]))

probs = nd.softmax(net(x0))
print('labels', labels[:2].tolist(), 'predicted', probs.argmax(axis=1).asnumpy().tolist())
print('confidence %.3f %.3f' % (probs[0].max().asscalar(), probs[1].max().asscalar()))
