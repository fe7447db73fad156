# A legacy MXNet 1.x Gluon program, unchanged: a word-level LSTM language model
# (Embedding + rnn.LSTM + Dense) trained with truncated BPTT and gradient clipping.
# Run it with:  python -m mxcompat examples/gluon_rnn_lm_step.py
# mxcompat-env: MXCOMPAT_RANDOM=mxnet
import math
import mxnet as mx
from mxnet import autograd, gluon, nd
from mxnet.gluon import nn, rnn


class RNNModel(gluon.Block):
    def __init__(self, vocab_size, num_embed, num_hidden, num_layers, **kwargs):
        super(RNNModel, self).__init__(**kwargs)
        with self.name_scope():
            self.encoder = nn.Embedding(vocab_size, num_embed,
                                        weight_initializer=mx.init.Uniform(0.1))
            self.rnn = rnn.LSTM(num_hidden, num_layers, input_size=num_embed)
            self.decoder = nn.Dense(vocab_size, in_units=num_hidden)
        self.num_hidden = num_hidden

    def forward(self, inputs, hidden):
        emb = self.encoder(inputs)
        output, hidden = self.rnn(emb, hidden)
        decoded = self.decoder(output.reshape((-1, self.num_hidden)))
        return decoded, hidden

    def begin_state(self, *args, **kwargs):
        return self.rnn.begin_state(*args, **kwargs)


def batchify(data, batch_size):
    nbatch = data.shape[0] // batch_size
    return data[:nbatch * batch_size].reshape((batch_size, nbatch)).T


def detach(hidden):
    return [h.detach() for h in hidden]


mx.random.seed(1234)
vocab, bptt, batch_size, clip = 12, 5, 4, 0.05
# a repetitive "corpus": the model can learn the next-token pattern
corpus = nd.array([(i * 7 + (i // 3)) % vocab for i in range(164)])
train = batchify(corpus, batch_size)
print('train data', train.shape)

model = RNNModel(vocab, 8, 16, 2)
model.initialize(mx.init.Xavier())
print(model)
trainer = gluon.Trainer(model.collect_params(), 'sgd',
                        {'learning_rate': 20, 'momentum': 0, 'wd': 0})
loss_fn = gluon.loss.SoftmaxCrossEntropyLoss()

for epoch in range(2):
    total_L, ntokens = 0.0, 0
    hidden = model.begin_state(func=mx.nd.zeros, batch_size=batch_size)
    print('state shapes', [h.shape for h in hidden])
    for ibatch, i in enumerate(range(0, train.shape[0] - 1, bptt)):
        seq_len = min(bptt, train.shape[0] - 1 - i)
        data = train[i:i + seq_len]
        target = train[i + 1:i + 1 + seq_len]
        hidden = detach(hidden)
        with autograd.record():
            output, hidden = model(data, hidden)
            L = loss_fn(output, target.reshape((-1,)))
            L.backward()
        norm = gluon.utils.clip_global_norm([p.grad() for p in model.collect_params().values()],
                                            clip * seq_len * batch_size)
        trainer.step(seq_len * batch_size)
        total_L += L.sum().asscalar()
        ntokens += L.size
        if ibatch % 3 == 0:
            print('epoch %d batch %d grad norm %.4f loss %.4f' % (
                epoch, ibatch, norm, L.mean().asscalar()))
    print('epoch %d avg loss %.4f ppl %.3f' % (epoch, total_L / ntokens,
                                               math.exp(total_L / ntokens)))

hidden = model.begin_state(batch_size=1)
out, hidden = model(nd.array([[3], [10], [5]]), hidden)
print('next-token argmax', out.argmax(axis=1))
print('final state norms %.4f %.4f' % (hidden[0].norm().asscalar(), hidden[1].norm().asscalar()))
