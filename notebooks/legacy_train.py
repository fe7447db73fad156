# A small MXNet 1.x training script, written the way legacy Gluon code was written.
# notebooks/porting_a_legacy_script.ipynb runs it unchanged with `python -m mxcompat`
# and compares what it prints with the output real MXNet 1.9.1 printed
# (recorded once into legacy_train.mxnet.txt).
import mxnet as mx
from mxnet import autograd, gluon, nd
from mxnet.gluon import nn

mx.random.seed(7)

# a 1-D regression problem with no randomness in the data: y = sin(3x) + x/2 on [-1, 1)
x = nd.arange(-1, 1, 0.02).reshape((-1, 1))
y = nd.sin(3 * x) + 0.5 * x
loader = gluon.data.DataLoader(gluon.data.ArrayDataset(x, y), batch_size=20, shuffle=False)
print('samples', x.shape[0], 'batches per epoch', len(loader))

net = nn.HybridSequential()
with net.name_scope():
    net.add(nn.Dense(24, in_units=1, activation='tanh'))
    net.add(nn.Dense(24, activation='tanh'))
    net.add(nn.Dense(1))
net.initialize(mx.init.Xavier())
net.hybridize()
print(net)
print('first weights of layer 0:', net[0].weight.data()[:4, 0].asnumpy())

trainer = gluon.Trainer(net.collect_params(), 'adam', {'learning_rate': 0.01})
loss_fn = gluon.loss.L2Loss()
for epoch in range(30):
    total = 0.0
    for data, label in loader:
        with autograd.record():
            loss = loss_fn(net(data), label)
        loss.backward()
        trainer.step(data.shape[0])
        total += loss.sum().asscalar()
    if epoch % 5 == 0 or epoch == 29:
        print('epoch %2d  mse %.5f' % (epoch, 2 * total / x.shape[0]))

probe = nd.array([[-0.75], [0.0], [0.5]])
print('targets    ', (nd.sin(3 * probe) + 0.5 * probe).reshape((-1,)).asnumpy())
print('predictions', net(probe).reshape((-1,)).asnumpy())
for name, param in net.collect_params().items():
    print('%-34s %-8s mean|w| %.4f' % (name, param.shape, param.data().abs().mean().asscalar()))
