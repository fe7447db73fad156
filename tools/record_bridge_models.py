"""Record the Gluon <-> Symbol bridge data of tests/test_gluon_export.py with MXNet 1.9.1.

Run it with the oracle's Python (it starts mxcompat's Python itself for the reverse
direction; set MXCOMPAT_PYTHON when ``python`` is not the one with mxcompat installed, and
MXCOMPAT_ROOT to take mxcompat from another checkout than this one):

    MXCOMPAT_PYTHON=/work/venv/bin/python \\
        /work/shared/tools/mxnet-oracle tools/record_bridge_models.py tests/data/bridge

For each model (ResNet-18 v1 from the model zoo, a small LSTM language model) MXNet
builds the network, fills every parameter from ``deterministic_values`` (so no weights
need committing), runs one hybridized forward pass and exports it. Committed:
``<model>-symbol.json`` (MXNet's export) and ``<model>-expected.npy`` (its output).
Then mxcompat exports the same model (``--mxcompat-export``), MXNet loads that export with
``SymbolBlock.imports`` and the script checks both the JSON text and the outputs;
``reverse.json`` records the result (the test asserts it says they matched).

``build``, ``model_input`` and ``deterministic_values`` take the framework module, so
tests/test_gluon_export.py imports this file and builds the same models under mxcompat.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

MODELS = ("resnet18_v1", "lstm_lm")


def deterministic_values(index, name, shape):
    """Parameter number ``index`` (in sorted name order): a sine wave scaled for its role
    (positive running variances, gammas near 1, He-like scale for weights)."""
    shape = tuple(int(d) for d in shape)
    size = int(np.prod(shape))
    wave = np.sin(np.arange(size, dtype=np.float64) * 0.37 + index)
    if name.endswith("running_var"):
        values = 1.0 + 0.5 * wave ** 2
    elif name.endswith("gamma"):
        values = 1.0 + 0.1 * wave
    elif name.endswith(("running_mean", "beta", "bias")):
        values = 0.1 * wave
    else:
        fan_in = size // shape[0] if len(shape) > 1 else size
        values = wave * np.sqrt(2.0 / max(fan_in, 1))
    return values.reshape(shape).astype(np.float32)


def build(mx, model):
    """The network ``model`` (names as in a fresh process: ``resnetv10_``, ``lstmlm0_``)."""
    gluon = mx.gluon
    if model == "resnet18_v1":
        return gluon.model_zoo.vision.resnet18_v1()

    class LSTMLM(gluon.HybridBlock):
        """Embedding -> LSTM (batch-major) -> Dense over every step."""

        def __init__(self, vocab=50, embed=16, hidden=32, **kwargs):
            super().__init__(**kwargs)
            with self.name_scope():
                self.embedding = gluon.nn.Embedding(vocab, embed)
                self.lstm = gluon.rnn.LSTM(hidden, layout="NTC", input_size=embed)
                self.decoder = gluon.nn.Dense(vocab, flatten=False, in_units=hidden)

        def hybrid_forward(self, F, x):
            return self.decoder(self.lstm(self.embedding(x)))

    return LSTMLM()


def model_input(mx, model):
    if model == "resnet18_v1":
        x = np.sin(np.arange(3 * 32 * 32, dtype=np.float64) * 0.01).reshape(1, 3, 32, 32)
        return mx.nd.array(x.astype(np.float32))
    return mx.nd.array((np.arange(10) * 7 % 50).reshape(2, 5).astype(np.float32))


def fill(mx, net):
    """Set every parameter of an initialised net from ``deterministic_values``."""
    params = net.collect_params()
    for i, name in enumerate(sorted(params.keys())):
        p = params[name]
        p.set_data(mx.nd.array(deterministic_values(i, name, p.shape), dtype=p.dtype))


def run_and_export(mx, model, prefix):
    """Build, fill, run once hybridized, export to ``prefix``; returns the output."""
    net = build(mx, model)
    net.initialize()
    net.hybridize()
    x = model_input(mx, model)
    net(x)   # deferred shapes are known after this call
    fill(mx, net)
    out = net(x)
    net.export(prefix)
    return out.asnumpy()


def _mxcompat_export(outdir):
    import mxcompat as mx
    for model in MODELS:
        run_and_export(mx, model, os.path.join(outdir, model))


def main(outdir):
    import mxnet as mx
    os.makedirs(outdir, exist_ok=True)
    expected = {}
    with tempfile.TemporaryDirectory() as tmp:
        for model in MODELS:
            prefix = os.path.join(tmp, "mx_" + model)
            expected[model] = run_and_export(mx, model, prefix)
            with open(prefix + "-symbol.json") as f, \
                    open(os.path.join(outdir, model + "-symbol.json"), "w") as g:
                g.write(f.read())
            np.save(os.path.join(outdir, model + "-expected.npy"), expected[model])
        # the reverse direction: mxcompat exports, MXNet imports
        here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env = dict(os.environ, PYTHONPATH=os.environ.get("MXCOMPAT_ROOT", here))
        subprocess.run([os.environ.get("MXCOMPAT_PYTHON", "python"), os.path.abspath(__file__),
                        "--mxcompat-export", tmp], check=True, env=env, cwd=tmp)
        report = {}
        for model in MODELS:
            prefix = os.path.join(tmp, model)
            block = mx.gluon.SymbolBlock.imports(prefix + "-symbol.json", ["data"],
                                                 prefix + "-0000.params")
            out = block(model_input(mx, model)).asnumpy()
            with open(prefix + "-symbol.json") as f, open(
                    os.path.join(outdir, model + "-symbol.json")) as g:
                same_json = f.read() == g.read()
            err = float(np.max(np.abs(out - expected[model])))
            ok = bool(np.allclose(out, expected[model], rtol=1e-4, atol=1e-5))
            report[model] = {"json_identical": same_json, "outputs_match": ok,
                             "max_abs_diff": err}
            print(model, report[model])
    with open(os.path.join(outdir, "reverse.json"), "w") as f:
        json.dump(report, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    if sys.argv[1] == "--mxcompat-export":
        _mxcompat_export(sys.argv[2])
    else:
        main(sys.argv[1])
