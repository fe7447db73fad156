"""Record golden outputs of snippets by running them under real MXNet (the oracle).

    python tools/record_goldens.py                      # every snippet
    python tools/record_goldens.py context errors       # whole areas
    python tools/record_goldens.py tests/golden/snippets/context/repr.py   # single files
    python tools/record_goldens.py -j 4 --check ...     # see --help

Each snippet runs as ``$MXNET_ORACLE tools/golden_runner.py <snippet>`` (in
practice the oracle's interpreter, asked for once with ``--python``) in a
fresh temporary working directory; its stdout is written verbatim to
``tests/golden/expected/<area>/<name>.txt``.  ``MXNET_ORACLE`` defaults to
``../shared/tools/mxnet-oracle`` relative to the repository root.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNNER = os.path.join(REPO, "tools", "golden_runner.py")
SNIPPETS = os.path.join(REPO, "tests", "golden", "snippets")
EXPECTED = os.path.join(REPO, "tests", "golden", "expected")


def oracle_path():
    oracle = os.environ.get("MXNET_ORACLE") or os.path.join(REPO, "..", "shared", "tools", "mxnet-oracle")
    return os.path.abspath(oracle)


def resolve_oracle():
    """The command that runs Python under real MXNet.

    The oracle script checks (and, if broken, rebuilds) its virtualenv on every
    call; many parallel calls racing on a rebuild can destroy it.  So it is
    asked once, serially, for its interpreter (``--python``), which is then
    called directly with the oracle's environment.  An oracle that does not
    answer ``--python`` with an interpreter path is invoked per snippet.
    """
    oracle = oracle_path()
    try:
        proc = subprocess.run([oracle, "--python"], capture_output=True, text=True, timeout=1800)
        lines = proc.stdout.strip().splitlines()
        python = lines[-1].strip() if lines else ""
        if proc.returncode == 0 and os.path.isfile(python) and os.access(python, os.X_OK):
            check = subprocess.run([python, "-c", "import mxnet"], capture_output=True, timeout=600)
            if check.returncode == 0:
                return [python], {"PYTHONWARNINGS": os.environ.get("PYTHONWARNINGS", "ignore")}
    except (OSError, subprocess.TimeoutExpired):
        pass
    return [oracle], {}


def all_snippets():
    found = []
    for area in sorted(os.listdir(SNIPPETS)):
        d = os.path.join(SNIPPETS, area)
        if os.path.isdir(d):
            found.extend(os.path.join(d, n) for n in sorted(os.listdir(d))
                         if n.endswith(".py") and not n.startswith("_"))
    return found


def select(targets):
    """Map command-line targets (files, areas, area/name) to snippet paths."""
    if not targets:
        return all_snippets()
    chosen = []
    for t in targets:
        cands = [os.path.join(SNIPPETS, t), os.path.join(SNIPPETS, t + ".py"), t]
        for c in cands:
            if os.path.isfile(c) and c.endswith(".py"):
                chosen.append(os.path.abspath(c))
                break
            if os.path.isdir(c):
                chosen.extend(p for p in all_snippets()
                              if os.path.dirname(p) == os.path.abspath(c))
                break
        else:
            raise SystemExit("record_goldens: no snippet or area named %r" % t)
    return chosen


def expected_path(snippet):
    rel = os.path.relpath(os.path.abspath(snippet), SNIPPETS)
    if rel.startswith(".."):
        raise SystemExit("record_goldens: %s is not under %s" % (snippet, SNIPPETS))
    return os.path.join(EXPECTED, os.path.splitext(rel)[0] + ".txt")


def run_one(command, env, snippet, timeout):
    cwd = tempfile.mkdtemp(prefix="golden-")
    try:
        proc = subprocess.run(command + [RUNNER, os.path.abspath(snippet)],
                              cwd=cwd, env=env, capture_output=True, timeout=timeout)
        return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return None, "", "timed out after %ss" % timeout
    finally:
        shutil.rmtree(cwd, ignore_errors=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("targets", nargs="*", help="snippet files, area names, or area/name")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="parallel oracle processes (default 2)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per snippet")
    ap.add_argument("--check", action="store_true",
                    help="do not write; report goldens that would change (exit 1 if any)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every recorded output")
    args = ap.parse_args(argv)

    snippets = select(args.targets)
    if not snippets:
        print("record_goldens: nothing to do")
        return 0
    command, extra_env = resolve_oracle()
    env = dict(os.environ, **extra_env)
    failures, changed = [], []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(run_one, command, env, s, args.timeout): s for s in snippets}
        for fut in concurrent.futures.as_completed(futures):
            snippet = futures[fut]
            name = os.path.relpath(snippet, SNIPPETS)
            rc, out, err = fut.result()
            if rc != 0:
                failures.append(name)
                print("FAILED  %s (exit %s)\n%s" % (name, rc, err[-3000:]), flush=True)
                continue
            target = expected_path(snippet)
            old = None
            if os.path.exists(target):
                with open(target, encoding="utf-8", newline="") as f:
                    old = f.read()
            status = "same" if old == out else ("new" if old is None else "changed")
            if status != "same":
                changed.append(name)
                if not args.check:
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    with open(target, "w", encoding="utf-8", newline="") as f:
                        f.write(out)
            print("%-8s%s" % (status, name), flush=True)
            if args.verbose:
                print(out)
    print("record_goldens: %d snippets, %d new/changed%s, %d failed"
          % (len(snippets), len(changed), " (not written)" if args.check else "", len(failures)))
    if failures or (args.check and changed):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
