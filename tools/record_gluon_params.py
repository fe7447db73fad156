"""Write small Gluon parameter files with the real MXNet 1.9.1 for tests/test_gluon_core.py.

Run it with the oracle's Python, not with mxcompat's:

    /work/shared/tools/mxnet-oracle tools/record_gluon_params.py tests/data/gluon

The network and its values are built by ``build_net``/``fill_values`` below; the test
builds the same network under mxcompat, so the files need no manifest.
"""
import os
import sys

import mxnet as mx
from mxnet import nd
from mxnet.gluon import nn


def build_net():
    """Two Dense layers in a nested HybridSequential, float32 and float64 parameters."""
    net = nn.HybridSequential(prefix="net_")
    with net.name_scope():
        net.add(nn.Dense(3, in_units=2))
        inner = nn.HybridSequential()
        with inner.name_scope():
            inner.add(nn.Dense(2, in_units=3, use_bias=False, dtype="float64"))
        net.add(inner)
    return net


def fill_values(net):
    """Deterministic values: parameter i holds arange(size) / 8 - i, in its shape."""
    for i, p in enumerate(net.collect_params().values()):
        p.set_data(nd.arange(p.data().size, dtype=p.dtype).reshape(p.shape) / 8 - i)


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    net = build_net()
    net.initialize()
    fill_values(net)
    net.save_parameters(os.path.join(outdir, "net.params"))
    net.collect_params().save(os.path.join(outdir, "net_prefixed.params"))


if __name__ == "__main__":
    main(sys.argv[1])
