"""Gluon core: parameter files are byte-compatible with MXNet 1.9.1 in both directions,
and Block.summary / naming details the golden snippets do not reach.

The files in tests/data/gluon were written by real MXNet with tools/record_gluon_params.py
(the same network and values as ``build_net``/``fill_values`` here).
"""
from pathlib import Path

import numpy as np
import pytest

import mxcompat as mx
from mxcompat import nd
from mxcompat.gluon import nn

DATA = Path(__file__).parent / "data" / "gluon"


def build_net():
    net = nn.HybridSequential(prefix="net_")
    with net.name_scope():
        net.add(nn.Dense(3, in_units=2))
        inner = nn.HybridSequential()
        with inner.name_scope():
            inner.add(nn.Dense(2, in_units=3, use_bias=False, dtype="float64"))
        net.add(inner)
    return net


def expected_values(net):
    """name -> numpy value, as fill_values in tools/record_gluon_params.py sets them."""
    out = {}
    for i, (name, p) in enumerate(net.collect_params().items()):
        size = int(np.prod(p.shape))
        out[name] = (np.arange(size, dtype=p.dtype).reshape(p.shape) / 8 - i).astype(p.dtype)
    return out


def fill_values(net):
    for name, value in expected_values(net).items():
        net.collect_params()[name].set_data(nd.array(value, dtype=value.dtype))


def assert_net_values(net):
    for name, want in expected_values(net).items():
        got = net.collect_params()[name].data().asnumpy()
        assert got.dtype == want.dtype, name
        np.testing.assert_array_equal(got, want)


def test_load_parameters_written_by_mxnet():
    net = build_net()
    net.load_parameters(str(DATA / "net.params"))
    assert_net_values(net)
    # the same file into a net with another prefix (structural names do not depend on it)
    other = nn.HybridSequential(prefix="other_")
    with other.name_scope():
        other.add(nn.Dense(3, in_units=2))
        inner = nn.HybridSequential()
        inner.add(nn.Dense(2, use_bias=False, dtype="float64"))
        other.add(inner)
    other.load_parameters(str(DATA / "net.params"))
    assert other[1][0].weight.shape == (2, 3)
    np.testing.assert_array_equal(other[0].bias.data().asnumpy(), [-1.0, -0.875, -0.75])


def test_parameter_dict_load_written_by_mxnet():
    net = build_net()
    net.collect_params().load(str(DATA / "net_prefixed.params"))
    assert_net_values(net)


@pytest.mark.parametrize("how", ["save_parameters", "collect_params"])
def test_saved_bytes_equal_mxnet(tmp_path, how):
    net = build_net()
    net.initialize()
    fill_values(net)
    if how == "save_parameters":
        name = "net.params"
        net.save_parameters(str(tmp_path / name))
    else:
        name = "net_prefixed.params"
        net.collect_params().save(str(tmp_path / name))
    assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes()


def test_summary_leaves_no_hooks(capsys):
    net = nn.HybridSequential()
    with net.name_scope():
        net.add(nn.Dense(2, in_units=2))
    net.initialize(mx.init.One())
    net.summary(nd.ones((1, 2)))
    assert "Total params: 6" in capsys.readouterr().out
    assert not net[0]._forward_hooks
    net.hybridize()
    with pytest.raises(AssertionError, match="must not be hybridized to print summary"):
        net.summary(nd.ones((1, 2)))
    assert not net[0]._forward_hooks


def test_type_names_are_mxnets():
    class M(mx.gluon.Block):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.d = nn.Dense(2)

    m = M()
    with pytest.raises(TypeError, match=r"<class 'mxnet\.gluon\.nn\.basic_layers\.Dense'> "
                                        r"to <class 'int'>is not allowed"):
        m.d = 1


def test_sequential_passes_one_value():
    class Two(mx.gluon.HybridBlock):
        def hybrid_forward(self, F, x):
            return x + 1, x * 2

    net = nn.HybridSequential()
    net.add(Two())
    out = net(nd.ones((2,)))
    assert isinstance(out, tuple) and len(out) == 2
    net.hybridize()
    out = net(nd.ones((2,)))
    assert isinstance(out, list) and len(out) == 2
