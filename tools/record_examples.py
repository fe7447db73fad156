"""Record what real MXNet prints for each legacy program in examples/ (through the oracle).

    python tools/record_examples.py            # writes tests/golden/examples/<name>.txt
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main() -> int:
    oracle = os.environ.get("MXNET_ORACLE") or os.path.join(REPO, "..", "shared", "tools",
                                                            "mxnet-oracle")
    out_dir = os.path.join(REPO, "tests", "golden", "examples")
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(os.path.join(REPO, "examples"))):
        if not name.endswith(".py"):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            res = subprocess.run([oracle, os.path.join(REPO, "examples", name)], cwd=tmp,
                                 capture_output=True, text=True, timeout=600)
        if res.returncode != 0:
            print(f"{name}: failed under MXNet\n{res.stderr[-2000:]}", file=sys.stderr)
            return 1
        with open(os.path.join(out_dir, name[:-3] + ".txt"), "w", encoding="utf-8") as f:
            f.write(res.stdout)
        print(f"recorded {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
