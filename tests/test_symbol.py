"""mx.sym: graph evaluation against mx.nd per operator family, JSON round trips, shapes."""
import json

import numpy as np
import pytest

import mxcompat as mx
from mxcompat import nd

sym = mx.sym

_R = np.random.RandomState(0)


def _a(*shape):
    return nd.array(_R.uniform(-1, 1, shape).astype(np.float32))


X = _a(2, 3, 6, 6)
M = _a(4, 5)
W_FC = _a(3, 5)
B_FC = _a(3)
W_CONV = _a(4, 3, 3, 3)
B_CONV = _a(4)
IDX = nd.array([[0, 2], [1, 3]])
EMB = _a(4, 5)
GAMMA = _a(3)
BETA = _a(3)
MEAN = _a(3)
VAR = nd.array(_R.uniform(0.5, 1.5, (3,)).astype(np.float32))

# (name, symbol builder over variables, nd function, {var name: array})
CASES = [
    ("exp", lambda v: sym.exp(v["a"]), lambda a: nd.exp(a), {"a": M}),
    ("add", lambda v: v["a"] + v["b"], lambda a, b: a + b, {"a": M, "b": M * 2}),
    ("scalar", lambda v: 2 - v["a"] * 3 / 4, lambda a: 2 - a * 3 / 4, {"a": M}),
    ("broadcast", lambda v: sym.broadcast_mul(v["a"], v["b"]),
     lambda a, b: nd.broadcast_mul(a, b), {"a": M, "b": M[0:1]}),
    ("fc", lambda v: sym.FullyConnected(v["a"], v["w"], v["b"], num_hidden=3),
     lambda a, w, b: nd.FullyConnected(a, w, b, num_hidden=3),
     {"a": M, "w": W_FC, "b": B_FC}),
    ("conv", lambda v: sym.Convolution(v["a"], v["w"], v["b"], kernel=(3, 3), num_filter=4,
                                       pad=(1, 1)),
     lambda a, w, b: nd.Convolution(a, w, b, kernel=(3, 3), num_filter=4, pad=(1, 1)),
     {"a": X, "w": W_CONV, "b": B_CONV}),
    ("pool", lambda v: sym.Pooling(v["a"], kernel=(2, 2), stride=(2, 2), pool_type="max"),
     lambda a: nd.Pooling(a, kernel=(2, 2), stride=(2, 2), pool_type="max"), {"a": X}),
    ("bn_predict", lambda v: sym.BatchNorm(v["a"], v["g"], v["b"], v["m"], v["v"],
                                           fix_gamma=False),
     lambda a, g, b, m, var: nd.BatchNorm(a, g, b, m, var, fix_gamma=False),
     {"a": X, "g": GAMMA, "b": BETA, "m": MEAN, "v": VAR}),
    ("softmax", lambda v: sym.softmax(v["a"], axis=0), lambda a: nd.softmax(a, axis=0),
     {"a": M}),
    ("reshape", lambda v: v["a"].reshape((5, -1)).transpose(), lambda a: a.reshape((5, -1)).T,
     {"a": M}),
    ("reduce", lambda v: v["a"].sum(axis=1, keepdims=True), lambda a: a.sum(axis=1,
                                                                             keepdims=True),
     {"a": M}),
    ("concat", lambda v: sym.concat(v["a"], v["b"], dim=0), lambda a, b: nd.concat(a, b, dim=0),
     {"a": M, "b": M}),
    ("split", lambda v: sym.split(v["a"], num_outputs=5, axis=1)[3],
     lambda a: nd.split(a, num_outputs=5, axis=1)[3], {"a": M}),
    ("embedding", lambda v: sym.Embedding(v["i"], v["w"], input_dim=4, output_dim=5),
     lambda i, w: nd.Embedding(i, w, input_dim=4, output_dim=5), {"i": IDX, "w": EMB}),
    ("leaky", lambda v: sym.LeakyReLU(v["a"], slope=0.2), lambda a: nd.LeakyReLU(a, slope=0.2),
     {"a": M}),
    ("dot", lambda v: sym.dot(v["a"], v["b"], transpose_b=True),
     lambda a, b: nd.dot(a, b, transpose_b=True), {"a": M, "b": W_FC}),
    ("clip_where", lambda v: sym.where(v["a"] > 0, sym.clip(v["a"], 0, 0.5), v["a"]),
     lambda a: nd.where(a > 0, nd.clip(a, 0, 0.5), a), {"a": M}),
    ("dropout_predict", lambda v: sym.Dropout(v["a"], p=0.5), lambda a: nd.Dropout(a, p=0.5),
     {"a": M}),
    ("linalg", lambda v: sym.linalg.gemm2(v["a"], v["b"], transpose_b=True),
     lambda a, b: nd.linalg.gemm2(a, b, transpose_b=True), {"a": M, "b": W_FC}),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_eval_matches_nd(case):
    _, build, ref, arrays = case
    variables = {k: sym.var(k) for k in arrays}
    s = build(variables)
    got = s.eval(ctx=mx.cpu(), **arrays)[0].asnumpy()
    order = list(arrays)
    want = ref(*[arrays[k] for k in order]).asnumpy()
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
    # shapes and types come out of infer_shape / infer_type as evaluated
    arg_shapes, out_shapes, _ = s.infer_shape(**{k: v.shape for k, v in arrays.items()})
    assert out_shapes == [got.shape]
    # and the graph survives a JSON round trip unchanged
    js = s.tojson()
    back = sym.load_json(js)
    assert back.tojson() == js
    np.testing.assert_allclose(back.eval(**arrays)[0].asnumpy(), want, rtol=1e-5, atol=1e-6)


def test_auto_parameters_and_aux():
    with mx.name.NameManager():
        d = sym.var("data")
        net = sym.BatchNorm(sym.Convolution(d, kernel=(3, 3), num_filter=4), name="bn")
        net = sym.RNN(net, state_size=3, num_layers=1, mode="gru", name="r")
    assert net.list_arguments() == ["data", "convolution0_weight", "convolution0_bias",
                                    "bn_gamma", "bn_beta", "r_parameters", "r_state"]
    assert net.list_auxiliary_states() == ["bn_moving_mean", "bn_moving_var"]
    nodes = json.loads(net.tojson())["nodes"]
    bn = [n for n in nodes if n["name"] == "bn"][0]
    assert [e[2] for e in bn["inputs"]] == [0, 0, 0, 1, 1]


def test_shape_rules_table_is_exported():
    from mxcompat.symbol.shape_rules import SHAPE_RULES, ShapeInconsistent
    attrs = mx.nd.FullyConnected._op.parse({"num_hidden": 7})
    assert SHAPE_RULES["FullyConnected"]([(2, 3, 4), None, None], attrs) == [
        (2, 3, 4), (7, 12), (7,)]
    with pytest.raises(ShapeInconsistent):
        SHAPE_RULES["FullyConnected"]([(2, 3), (7, 4), None], attrs)


def test_pickle_and_hash():
    import pickle
    s = sym.exp(sym.var("x"), name="e")
    assert pickle.loads(pickle.dumps(s)).tojson() == s.tojson()
    with pytest.raises(TypeError):
        hash(s)
