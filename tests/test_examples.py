"""The legacy programs in examples/ run unchanged through ``python -m mxcompat`` and print
what real MXNet 1.9.1 printed for them (recorded by tools/record_examples.py).

An example may ask for environment variables under mxcompat with header comments such as
``# mxcompat-env: MXCOMPAT_RANDOM=mxnet`` (one ``NAME=value`` per line, several allowed);
MXNet ignores them. ``MXCOMPAT_RANDOM=mxnet`` makes the initializers draw MXNet's numbers,
so trained values can be compared.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from test_goldens import compare_outputs

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
EXAMPLES = sorted(n[:-3] for n in os.listdir(os.path.join(REPO, "examples"))
                  if n.endswith(".py"))
_ENV_LINE = re.compile(r"^#\s*mxcompat-env:\s*([A-Za-z_][A-Za-z0-9_]*)=(.*?)\s*$")


def example_env(path: str) -> dict[str, str]:
    """The ``# mxcompat-env: NAME=value`` settings in an example's leading comment block."""
    env: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            m = _ENV_LINE.match(line)
            if m:
                env[m.group(1)] = m.group(2)
    return env


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_prints_what_mxnet_printed(name, tmp_path):
    path = os.path.join(REPO, "examples", name + ".py")
    env = dict(os.environ)
    env.update(example_env(path))
    res = subprocess.run([sys.executable, "-m", "mxcompat", path],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    with open(os.path.join(HERE, "golden", "examples", name + ".txt"), encoding="utf-8") as f:
        golden = f.read()
    problem = compare_outputs(res.stdout, golden)
    assert problem is None, f"{problem}\n--- mxcompat printed ---\n{res.stdout}"
