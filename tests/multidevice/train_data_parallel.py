"""Data-parallel Gluon training on 4 simulated CPU devices (run by test_multi_device.py
with XLA_FLAGS=--xla_force_host_platform_device_count=4)."""
import json
import sys

import jax
import numpy as np

import mxcompat as mx
from mxcompat import autograd, gluon, nd
from mxcompat.gluon import nn

assert len(jax.devices("cpu")) == 4, jax.devices()


def build(ctx):
    mx.random.seed(3)
    net = nn.HybridSequential()
    net.add(nn.Dense(16, activation="tanh", in_units=10), nn.Dense(4, in_units=16))
    net.initialize(mx.init.Xavier(), ctx=ctx)
    return net


def train(ctx, hybridize, kvstore="device", update_on_kvstore=None):
    net = build(ctx)
    if hybridize:
        net.hybridize()
    loss_fn = gluon.loss.SoftmaxCrossEntropyLoss()
    trainer = gluon.Trainer(net.collect_params(), "sgd",
                            {"learning_rate": 0.3, "momentum": 0.9}, kvstore=kvstore,
                            update_on_kvstore=update_on_kvstore)
    rs = np.random.RandomState(0)
    X = nd.array(rs.uniform(-1, 1, (32, 10)))
    Y = nd.array(rs.randint(0, 4, (32,)))
    for _ in range(5):
        xs = gluon.utils.split_and_load(X, ctx)
        ys = gluon.utils.split_and_load(Y, ctx)
        with autograd.record():
            losses = [loss_fn(net(x), y) for x, y in zip(xs, ys)]
        for l in losses:
            l.backward()
        trainer.step(32)
    out = {}
    for name, p in net.collect_params().items():
        datas = p.list_data()
        out[name[name.index("_") + 1:]] = [d.asnumpy().tolist() for d in datas]
        out[name[name.index("_") + 1:] + "@devices"] = [str(list(d._array.devices())[0])
                                                        for d in datas]
    return out


def main():
    four = [mx.cpu(i) for i in range(4)]
    res = {"single": train([mx.cpu(0)], False),
           "four": train(four, False),
           "four_hybrid": train(four, True),
           "four_local_no_kvupdate": train(four, True, "local", False)}
    json.dump(res, sys.stdout)


if __name__ == "__main__":
    main()
