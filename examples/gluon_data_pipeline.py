# A legacy MXNet 1.x Gluon program, unchanged: a data pipeline with Dataset transforms,
# vision transforms, samplers, custom batchify and last_batch policies, feeding a model.
# Run it with:  python -m mxcompat examples/gluon_data_pipeline.py
# mxcompat-env: MXCOMPAT_RANDOM=mxnet
import numpy as np
import mxnet as mx
from mxnet import autograd, gluon, nd
from mxnet.gluon import nn
from mxnet.gluon.data import vision
from mxnet.gluon.data.vision import transforms

mx.random.seed(17)
rs = np.random.RandomState(12)
images = rs.randint(0, 256, size=(30, 8, 8, 3)).astype('uint8')   # HWC, like decoded images
labels = (images[:, :4].mean(axis=(1, 2, 3)) > images[:, 4:].mean(axis=(1, 2, 3)))
labels = labels.astype('int32')

dataset = gluon.data.ArrayDataset(nd.array(images, dtype='uint8'), labels)
print('dataset', len(dataset), dataset[0][0].shape, dataset[0][0].dtype, dataset[0][1])

transformer = transforms.Compose([transforms.ToTensor(),
                                  transforms.Normalize(mean=(0.5, 0.5, 0.5), std=(0.25, 0.25, 0.25))])
print(transformer)
transformed = dataset.transform_first(transformer)
img, lab = transformed[3]
print('transformed', img.shape, img.dtype, '%.5f %.5f' % (img.mean().asscalar(), img.max().asscalar()), lab)

# samplers and last_batch policies
for policy in ['keep', 'discard', 'rollover']:
    loader = gluon.data.DataLoader(transformed, batch_size=8, last_batch=policy)
    print(policy, len(loader), [b[0].shape[0] for b in loader])
seq = gluon.data.SequentialSampler(10)
batches = gluon.data.BatchSampler(seq, 4, 'keep')
print('batch sampler', list(batches))
sampled = gluon.data.DataLoader(transformed, batch_sampler=gluon.data.BatchSampler(
    gluon.data.SequentialSampler(12), 5, 'discard'))
print('with batch_sampler', [(d.shape, l.asnumpy().tolist()) for d, l in sampled])


def pad_batchify(samples):
    """Stack images; return labels as a plain float array plus the batch size."""
    data = nd.stack(*[s[0] for s in samples])
    label = nd.array([s[1] for s in samples])
    return data, label, len(samples)


loader = gluon.data.DataLoader(transformed, batch_size=7, batchify_fn=pad_batchify)
print('custom batchify', [(d.shape, l.dtype.__name__, n) for d, l, n in loader])

# simple dataset ops
simple = gluon.data.SimpleDataset(list(range(10)))
print('filter/take', list(simple.filter(lambda v: v % 3 == 0)), list(simple.take(3)))
print('transform', list(simple.transform(lambda v: v * v, lazy=False))[:5])
shards = [list(simple.shard(3, i)) for i in range(3)]
print('shards', shards)

# train a tiny model on the pipeline
net = nn.HybridSequential()
net.add(nn.Conv2D(4, kernel_size=3, padding=1, activation='relu'), nn.GlobalAvgPool2D(),
        nn.Dense(2))
net.initialize(mx.init.Xavier())
net.hybridize()
trainer = gluon.Trainer(net.collect_params(), 'sgd', {'learning_rate': 0.2, 'momentum': 0.9})
loss_fn = gluon.loss.SoftmaxCrossEntropyLoss()
loader = gluon.data.DataLoader(transformed, batch_size=10, shuffle=False)
for epoch in range(3):
    total = 0.0
    for data, label in loader:
        with autograd.record():
            loss = loss_fn(net(data), label.astype('float32'))
        loss.backward()
        trainer.step(data.shape[0])
        total += loss.sum().asscalar()
    print('epoch %d loss %.5f' % (epoch, total / len(transformed)))
