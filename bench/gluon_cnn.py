"""Gluon LeNet-style CNN (28x28, batch 64), one SGD training step: mxcompat (hybridized
and not) vs hand-written jax.jit(value_and_grad) + SGD vs real MXNet 1.9.1 (oracle).

Run: python bench/gluon_cnn.py [--no-mxnet]
"""
from __future__ import annotations

import numpy as np

from _gluon_harness import main

LEGACY = r'''
def make(hybridize):
    rs = np.random.RandomState(0)
    X = nd.array(rs.uniform(0, 1, (64, 1, 28, 28)))
    Y = nd.array(rs.randint(0, 10, (64,)))
    net = gluon.nn.HybridSequential()
    with net.name_scope():
        net.add(gluon.nn.Conv2D(20, kernel_size=5, activation="relu"))
        net.add(gluon.nn.MaxPool2D(pool_size=2, strides=2))
        net.add(gluon.nn.Conv2D(50, kernel_size=5, activation="relu"))
        net.add(gluon.nn.MaxPool2D(pool_size=2, strides=2))
        net.add(gluon.nn.Flatten())
        net.add(gluon.nn.Dense(500, activation="relu"))
        net.add(gluon.nn.Dense(10))
    net.initialize(mx.init.Xavier())
    loss_fn = gluon.loss.SoftmaxCrossEntropyLoss()
    if hybridize:
        net.hybridize()
        loss_fn.hybridize()
    trainer = gluon.Trainer(net.collect_params(), "sgd", {"learning_rate": 0.1})

    def step():
        with autograd.record():
            loss = loss_fn(net(X), Y)
        loss.backward()
        trainer.step(64)
    return step
'''


def make_jax_step():
    import jax
    import jax.numpy as jnp

    def conv(x, w, b):
        y = jax.lax.conv_general_dilated(x, w, (1, 1), "VALID",
                                         dimension_numbers=("NCHW", "OIHW", "NCHW"))
        return jax.nn.relu(y + b[None, :, None, None])

    def pool(x):
        return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (1, 1, 2, 2), (1, 1, 2, 2),
                                     "VALID")

    def loss_fn(p, X, Y):
        h = pool(conv(X, p[0], p[1]))
        h = pool(conv(h, p[2], p[3]))
        h = h.reshape(h.shape[0], -1)
        h = jax.nn.relu(h @ p[4].T + p[5])
        out = h @ p[6].T + p[7]
        logp = jax.nn.log_softmax(out)
        return -jnp.take_along_axis(logp, Y[:, None], 1).sum()

    @jax.jit
    def step(params, X, Y):
        loss, grads = jax.value_and_grad(loss_fn)(params, X, Y)
        return [p - 0.1 / 64 * g for p, g in zip(params, grads)], loss

    rs = np.random.RandomState(0)
    f32 = lambda a: jnp.asarray(a, jnp.float32)  # noqa: E731
    params = [f32(rs.normal(0, 0.1, (20, 1, 5, 5))), jnp.zeros(20, jnp.float32),
              f32(rs.normal(0, 0.05, (50, 20, 5, 5))), jnp.zeros(50, jnp.float32),
              f32(rs.normal(0, 0.02, (500, 800))), jnp.zeros(500, jnp.float32),
              f32(rs.normal(0, 0.05, (10, 500))), jnp.zeros(10, jnp.float32)]
    X = f32(rs.uniform(0, 1, (64, 1, 28, 28)))
    Y = jnp.asarray(rs.randint(0, 10, (64,)))
    state = [params, None]

    def run():
        state[0], state[1] = step(state[0], X, Y)

    return run, lambda: state[1].block_until_ready()


if __name__ == "__main__":
    main("Gluon LeNet CNN 28x28, batch 64", LEGACY, make_jax_step, 20)
