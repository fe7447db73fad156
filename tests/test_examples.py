"""The legacy programs in examples/ run unchanged through ``python -m mxcompat`` and print
what real MXNet 1.9.1 printed for them (recorded by tools/record_examples.py)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from test_goldens import compare_outputs

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
EXAMPLES = sorted(n[:-3] for n in os.listdir(os.path.join(REPO, "examples"))
                  if n.endswith(".py"))


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_prints_what_mxnet_printed(name, tmp_path):
    res = subprocess.run([sys.executable, "-m", "mxcompat",
                          os.path.join(REPO, "examples", name + ".py")],
                         cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    with open(os.path.join(HERE, "golden", "examples", name + ".txt"), encoding="utf-8") as f:
        golden = f.read()
    problem = compare_outputs(res.stdout, golden)
    assert problem is None, f"{problem}\n--- mxcompat printed ---\n{res.stdout}"
