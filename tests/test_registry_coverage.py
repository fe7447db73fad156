"""Every registered operator (or one of its aliases) is exercised by some test: named in a
test file or a golden snippet. A new operator cannot slip in untested."""
from __future__ import annotations

import os
import re

import mxcompat  # noqa: F401
from mxcompat.ops.registry import all_ops

HERE = os.path.dirname(os.path.abspath(__file__))


def _corpus() -> str:
    texts = []
    for root, _, files in os.walk(HERE):
        for f in files:
            if f.endswith((".py", ".json")) and f != os.path.basename(__file__):
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    texts.append(fh.read())
    return "\n".join(texts)


def test_every_operator_is_tested():
    text = _corpus()
    missing = []
    for op in all_ops():
        names = (op.name,) + op.aliases
        if not any(re.search(r"(?<![\w])" + re.escape(n) + r"(?![\w])", text) for n in names):
            missing.append(op.name)
    assert not missing, f"operators named in no test: {sorted(missing)}"


def test_tier_a_and_b_exist():
    from mxcompat import nd
    tier_a = ("array zeros dot ones sum concat arange mean argmax transpose exp log relu "
              "one_hot reshape waitall max sqrt zeros_like maximum tanh tile log_softmax "
              "nansum empty sigmoid square ones_like softmax abs full norm split clip "
              "elemwise_add power swapaxes").split()
    tier_b = ("flatten Pooling save Convolution add_n concatenate expand_dims load stack add "
              "argsort pick sin smooth_l1 topk ROIPooling broadcast_add broadcast_axis log1p "
              "moveaxis pad sign").split()
    missing = [n for n in tier_a + tier_b if not callable(getattr(nd, n, None))]
    assert not missing, missing
