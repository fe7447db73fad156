"""Record what real MXNet prints for each legacy program in examples/ (through the oracle).

    python tools/record_examples.py                 # all: tests/golden/examples/<name>.txt
    python tools/record_examples.py gluon_mlp_train # only the examples named
    python tools/record_examples.py --check         # report goldens that would change

Every example runs twice under the oracle; an example whose two outputs differ is
not deterministic and is refused.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_oracle(oracle: str, path: str) -> subprocess.CompletedProcess:
    """Run one example under real MXNet in a fresh temporary directory."""
    with tempfile.TemporaryDirectory() as tmp:
        return subprocess.run([oracle, path], cwd=tmp, capture_output=True, text=True,
                              timeout=600)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="example names (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="report goldens that would change, write nothing")
    parser.add_argument("--once", action="store_true",
                        help="run each example once (skip the determinism check)")
    args = parser.parse_args(argv)
    oracle = os.environ.get("MXNET_ORACLE") or os.path.join(REPO, "..", "shared", "tools",
                                                            "mxnet-oracle")
    out_dir = os.path.join(REPO, "tests", "golden", "examples")
    os.makedirs(out_dir, exist_ok=True)
    ex_dir = os.path.join(REPO, "examples")
    names = [n[:-3] if n.endswith(".py") else n for n in args.names] or sorted(
        n[:-3] for n in os.listdir(ex_dir) if n.endswith(".py"))
    status = 0
    for name in names:
        path = os.path.join(ex_dir, name + ".py")
        res = run_oracle(oracle, path)
        if res.returncode != 0:
            print(f"{name}: failed under MXNet\n{res.stderr[-2000:]}", file=sys.stderr)
            return 1
        if not args.once:
            again = run_oracle(oracle, path)
            if again.stdout != res.stdout:
                print(f"{name}: two runs under MXNet printed different output",
                      file=sys.stderr)
                status = 1
                continue
        golden = os.path.join(out_dir, name + ".txt")
        if args.check:
            old = open(golden, encoding="utf-8").read() if os.path.exists(golden) else None
            if old != res.stdout:
                print(f"{name}: golden would change")
                status = 1
            continue
        with open(golden, "w", encoding="utf-8") as f:
            f.write(res.stdout)
        print(f"recorded {name}")
    return status


if __name__ == "__main__":
    sys.exit(main())
