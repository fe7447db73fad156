"""HybridBlock.export, SymbolBlock and SymbolBlock.imports against MXNet 1.9.1.

tests/data/bridge holds MXNet's export of ResNet-18 v1 and of a small LSTM language model
(symbol JSON) and MXNet's outputs, recorded by tools/record_bridge_models.py with
parameters from a formula (regenerated here), so no weights are committed.
"""
from __future__ import annotations

import importlib.util
import json
import os

import numpy as np
import pytest

import mxcompat as mx
from mxcompat import autograd, gluon, nd
from mxcompat.gluon.symbol_block import _with_fill_inputs

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data", "bridge")
_spec = importlib.util.spec_from_file_location(
    "record_bridge_models", os.path.join(HERE, "..", "tools", "record_bridge_models.py"))
rec = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rec)



def _expected(model):
    return np.load(os.path.join(DATA, model + "-expected.npy"))


def _json(model):
    with open(os.path.join(DATA, model + "-symbol.json")) as f:
        return f.read()


def _param_file(model, tmp_path):
    """MXNet's parameter file for the recorded export, regenerated from the formula."""
    sym = mx.sym.load(os.path.join(DATA, model + "-symbol.json"))
    # (begin states "_zeros" of shape (1, 0, 32) become inferable inputs, as in SymbolBlock)
    sym = _with_fill_inputs(sym)[0]
    x = rec.model_input(mx, model)
    arg_shapes, _, aux_shapes = sym.infer_shape(data=x.shape)
    shapes = dict(zip(sym.list_arguments(), arg_shapes))
    shapes.update(zip(sym.list_auxiliary_states(), aux_shapes))
    shapes = {k: v for k, v in shapes.items() if k != "data" and not k.endswith(("h0_0",
                                                                               "h0_1"))}
    aux = set(sym.list_auxiliary_states())
    saved = {("aux:" if n in aux else "arg:") + n:
             nd.array(rec.deterministic_values(i, n, shapes[n]))
             for i, n in enumerate(sorted(shapes))}
    path = str(tmp_path / (model + "-0000.params"))
    nd.save(path, saved)
    return path


@pytest.mark.parametrize("model", ["resnet18_v1", "lstm_lm"])
def test_export_is_mxnets_json(model, tmp_path):
    """mxcompat's export of the model: MXNet's JSON text, MXNet's numbers, arg:/aux:."""
    with mx.name.NameManager():
        out = rec.run_and_export(mx, model, str(tmp_path / model))
    np.testing.assert_allclose(out, _expected(model), rtol=1e-4, atol=1e-5)
    with open(tmp_path / (model + "-symbol.json")) as f:
        assert f.read() == _json(model)
    saved = nd.load(str(tmp_path / (model + "-0000.params")))
    regenerated = nd.load(_param_file(model, tmp_path))
    assert sorted(saved) == sorted(regenerated)
    for k in saved:
        np.testing.assert_array_equal(saved[k].asnumpy(), regenerated[k].asnumpy())


def test_reverse_direction_was_checked_in_mxnet():
    """The recording loaded mxcompat's exports in MXNet: same JSON, same outputs."""
    with open(os.path.join(DATA, "reverse.json")) as f:
        report = json.load(f)
    for model in rec.MODELS:
        assert report[model]["json_identical"] and report[model]["outputs_match"]


@pytest.mark.parametrize("model", rec.MODELS)
def test_imports_mxnets_export(model, tmp_path):
    """SymbolBlock.imports of MXNet's export gives MXNet's outputs, eagerly, hybridized,
    inside a hybridized parent, and under autograd (one node, gradients for all)."""
    params = _param_file(model, tmp_path)
    net = gluon.SymbolBlock.imports(os.path.join(DATA, model + "-symbol.json"), ["data"],
                                    params)
    x = rec.model_input(mx, model)
    expected = _expected(model)
    np.testing.assert_allclose(net(x).asnumpy(), expected, rtol=1e-4, atol=1e-5)
    net.hybridize()
    np.testing.assert_allclose(net(x).asnumpy(), expected, rtol=1e-4, atol=1e-5)
    with autograd.record():
        y = net(x)
    y.backward()
    for name, p in net.collect_params().items():
        if p.grad_req != "null":
            assert p.grad().shape == p.data().shape, name
    # auxiliary states keep their values in predict mode and stay out of the gradients
    aux = [p for p in net.collect_params().values() if p.grad_req == "null"]
    assert len(aux) == (40 if model == "resnet18_v1" else 0)


def test_symbolblock_in_hybridized_parent_and_bn_update(tmp_path):
    """A SymbolBlock child of a hybridized block runs in the parent's compiled function;
    BatchNorm running statistics of the graph update in training, as in MXNet."""
    net = gluon.nn.HybridSequential()
    with net.name_scope():
        net.add(gluon.nn.Dense(4, in_units=3), gluon.nn.BatchNorm(in_channels=4))
    net.initialize(mx.init.One())
    net.hybridize()
    x = nd.array([[1, 2, 3], [4, 5, 7]])
    net(x)
    net.export(str(tmp_path / "m"))
    inner = gluon.SymbolBlock.imports(str(tmp_path / "m-symbol.json"), "data",
                                      str(tmp_path / "m-0000.params"))

    class Wrap(gluon.HybridBlock):
        def __init__(self, **kw):
            super().__init__(**kw)
            with self.name_scope():
                self.inner = inner

        def hybrid_forward(self, F, x):
            return self.inner(x) * 2

    wrap = Wrap()
    wrap.hybridize()
    np.testing.assert_allclose(wrap(x).asnumpy(), net(x).asnumpy() * 2, rtol=1e-5)
    with autograd.record():
        wrap(x)
        net(x)
    rm = [p for n, p in inner.collect_params().items() if n.endswith("running_mean")][0]
    ref = [p for n, p in net.collect_params().items() if n.endswith("running_mean")][0]
    np.testing.assert_allclose(rm.data().asnumpy(), ref.data().asnumpy(), rtol=1e-5)
    assert not np.allclose(rm.data().asnumpy(), 0)


def test_symbolblock_from_internals_shares_parameters():
    """SymbolBlock(outputs, inputs, params=net.collect_params()): a feature extractor
    with two outputs that shares the network's parameters (no prefix on its names)."""
    with mx.name.NameManager():
        net = gluon.nn.HybridSequential(prefix="model_")
        with net.name_scope():
            net.add(gluon.nn.Dense(5, activation="relu"), gluon.nn.Dense(3))
    net.initialize(mx.init.Constant(0.1))
    data = mx.sym.var("data")
    internals = net(data).get_internals()
    assert "model_dense0_relu_fwd_output" in internals.list_outputs()
    feat = gluon.SymbolBlock([internals["model_dense0_relu_fwd_output"],
                              internals["model_dense1_fwd_output"]], data,
                             params=net.collect_params())
    x = nd.array([[1.0, 2.0], [3.0, -4.0]])
    a, b = feat(x)
    np.testing.assert_allclose(b.asnumpy(), net(x).asnumpy(), rtol=1e-6)
    np.testing.assert_allclose(a.asnumpy(), net[0](x).asnumpy(), rtol=1e-6)
    assert feat.collect_params()["model_dense0_weight"] is \
        net.collect_params()["model_dense0_weight"]
    assert repr(feat) == ("SymbolBlock(\n<Symbol group [model_dense0_relu_fwd, "
                          "model_dense1_fwd]> : 1 -> 2\n)")
    # on Symbols the block composes its graph
    out = feat(mx.sym.var("img"))
    assert [s.list_arguments()[0] for s in out] == ["img", "img"]


def test_symbolblock_deferred_shapes_and_errors():
    """Parameters of unknown shape are inferred on the first call; a wrong argument
    structure is MXNet's ValueError."""
    data = mx.sym.var("data")
    fc = mx.sym.FullyConnected(data, num_hidden=4, name="fc")
    out = mx.sym.Activation(fc, act_type="tanh", name="act")
    with mx.name.NameManager():
        block = gluon.SymbolBlock(out, data)
    assert block.name == "symbolblock0" and block.prefix == ""
    block.initialize(mx.init.One())
    y = block(nd.ones((2, 3)))
    assert block.collect_params()["fc_weight"].shape == (4, 3)
    # (One() fills the bias too: the parameter has no init of its own, as in MXNet)
    np.testing.assert_allclose(y.asnumpy(), np.tanh(np.ones((2, 4)) * 4), rtol=1e-6)
    with pytest.raises(ValueError, match="The argument structure of HybridBlock does not "
                                         "match the cached version"):
        block(nd.ones((2, 3)), nd.ones((2, 3)))


def test_export_needs_a_hybridized_call(tmp_path):
    net = gluon.nn.Dense(2, in_units=2)
    net.initialize()
    net(nd.ones((1, 2)))
    with pytest.raises(RuntimeError, match="Please first call block.hybridize"):
        net.export(str(tmp_path / "d"))


def test_export_several_inputs_and_aux(tmp_path):
    """Several inputs are data0, data1...; BatchNorm statistics are saved as aux:."""
    class Two(gluon.HybridBlock):
        def __init__(self, **kw):
            super().__init__(**kw)
            with self.name_scope():
                self.bn = gluon.nn.BatchNorm(in_channels=2)

        def hybrid_forward(self, F, a, b):
            return self.bn(a + b)

    with mx.name.NameManager():
        net = Two()
    net.initialize()
    net.hybridize()
    net(nd.ones((1, 2)), nd.ones((1, 2)))
    net.export(str(tmp_path / "two"), epoch=3)
    sym = mx.sym.load(str(tmp_path / "two-symbol.json"))
    assert sym.list_arguments() == ["data0", "data1", "two0_batchnorm0_gamma",
                                    "two0_batchnorm0_beta"]
    saved = nd.load(str(tmp_path / "two-0003.params"))
    assert sorted(saved) == ["arg:two0_batchnorm0_beta", "arg:two0_batchnorm0_gamma",
                             "aux:two0_batchnorm0_running_mean",
                             "aux:two0_batchnorm0_running_var"]
    back = gluon.SymbolBlock.imports(str(tmp_path / "two-symbol.json"), ["data0", "data1"],
                                     str(tmp_path / "two-0003.params"))
    a, b = nd.array([[1.0, 2.0]]), nd.array([[3.0, 5.0]])
    np.testing.assert_allclose(back(a, b).asnumpy(), net(a, b).asnumpy(), rtol=1e-6)


def test_module_loads_exported_checkpoint(tmp_path):
    """mx.model.load_checkpoint + Module run MXNet's exported ResNet-18."""
    if not os.path.exists(os.path.join(os.path.dirname(mx.__file__), "module")):
        pytest.skip("mx.mod.Module is not there yet")
    model = "resnet18_v1"
    params = _param_file(model, tmp_path)
    prefix = str(tmp_path / model)
    with open(prefix + "-symbol.json", "w") as f:
        f.write(_json(model))
    assert os.path.exists(params)
    sym, arg_params, aux_params = mx.model.load_checkpoint(prefix, 0)
    x = rec.model_input(mx, model)
    mod = mx.mod.Module(sym, data_names=["data"], label_names=None)
    mod.bind(data_shapes=[("data", x.shape)], for_training=False)
    mod.set_params(arg_params, aux_params)
    mod.forward(mx.io.DataBatch([x]), is_train=False)
    np.testing.assert_allclose(mod.get_outputs()[0].asnumpy(), _expected(model),
                               rtol=1e-4, atol=1e-5)
