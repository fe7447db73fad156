"""mx.viz: print_summary (goldens compare the table with MXNet's) and plot_network,
checked with a stand-in graphviz module when the real one is not installed."""
from __future__ import annotations

import sys
import types

import pytest

import mxcompat as mx


def _net():
    data = mx.sym.var("data")
    x = mx.sym.Convolution(data, kernel=(3, 3), stride=(2, 2), num_filter=4, name="conv")
    x = mx.sym.BatchNorm(x, name="bn")
    x = mx.sym.Activation(x, act_type="relu", name="relu")
    x = mx.sym.Pooling(x, kernel=(2, 2), pool_type="max", name="pool")
    return mx.sym.FullyConnected(mx.sym.Flatten(x, name="flat"), num_hidden=3, name="fc")


def test_print_summary_counts(capsys):
    mx.viz.print_summary(_net(), shape={"data": (1, 2, 9, 9)})
    out = capsys.readouterr().out
    assert "conv(Convolution)" in out and "Total params: " in out
    # conv 2*4*9+4, bn 4*2, fc (4*3*3+1)*3
    assert out.strip().splitlines()[-2] == "Total params: %d" % (76 + 8 + 111)
    with pytest.raises(TypeError, match="symbol must be Symbol"):
        mx.viz.print_summary("x")


class _FakeDigraph:
    def __init__(self, name, format):
        self.name, self.format, self.nodes, self.edges = name, format, [], []

    def node(self, name, label, **attr):
        self.nodes.append((name, label, attr["fillcolor"]))

    def edge(self, tail_name, head_name, **attr):
        self.edges.append((tail_name, head_name, attr["label"]))


def test_plot_network(monkeypatch):
    monkeypatch.setitem(sys.modules, "graphviz", types.SimpleNamespace(Digraph=_FakeDigraph))
    dot = mx.viz.plot_network(_net(), title="t", shape={"data": (1, 2, 9, 9)},
                              dtype={"data": "float32"})
    labels = dict((n, label) for n, label, _ in dot.nodes)
    assert labels["conv"] == "Convolution\n3x3/2x2, 4"
    assert labels["pool"] == "Pooling\nmax, 2x2/1"
    assert labels["fc"] == "FullyConnected\n3"
    assert "conv_weight" not in labels and labels["data"] == "data"
    assert ("conv", "data", "2x9x9(float32)") in dot.edges
    assert ("fc", "flat", "36(float32)") in dot.edges


def test_plot_network_without_graphviz(monkeypatch):
    monkeypatch.setitem(sys.modules, "graphviz", None)
    with pytest.raises(ImportError, match="Draw network requires graphviz library"):
        mx.viz.plot_network(_net())
