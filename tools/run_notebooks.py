"""Execute the notebooks in notebooks/ and keep their committed outputs current.

    python tools/run_notebooks.py                  # re-execute every notebook in place
    python tools/run_notebooks.py crash_course     # only the notebooks named
    python tools/run_notebooks.py --check          # execute, compare, write nothing
    python tools/run_notebooks.py -j 2             # two kernels at a time

A notebook runs in a fresh Jupyter kernel (nbclient, kernel ``python3`` of this
interpreter) with ``notebooks/`` as its working directory. The kernel gets a fixed
environment so the outputs do not depend on the machine: ``JAX_PLATFORMS=cpu``, and none of
``MXCOMPAT_RANDOM``, ``MXCOMPAT_CACHE_DIR``, ``MXCOMPAT_NO_COMPILATION_CACHE``, ``XLA_FLAGS``.

``stale_cells`` is the comparison ``tests/test_notebooks.py`` uses. No cell may raise. For
each code cell it compares stdout, stderr and the plain-text form of results and displays,
after ``normalise`` has replaced what legitimately varies between runs
(memory addresses, absolute paths, kernel temp-file names, timings); numbers agree within
a small tolerance. Images are compared by presence only. A cell tagged
``nondeterministic`` (timings) is only required to run without error and to produce the
same kinds of output.
"""
from __future__ import annotations

import argparse
import copy
import math
import os
import re
import sys
from typing import Iterable

import nbformat

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOK_DIR = os.path.join(REPO, "notebooks")
NONDETERMINISTIC = "nondeterministic"
KERNEL_ENV = {"JAX_PLATFORMS": "cpu", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
KERNEL_ENV_DROP = ("MXCOMPAT_RANDOM", "MXCOMPAT_CACHE_DIR", "MXCOMPAT_NO_COMPILATION_CACHE",
                   "XLA_FLAGS")
RTOL, ATOL = 1e-4, 1e-5


def notebook_paths(names: Iterable[str] = ()) -> list[str]:
    """Paths of the named notebooks (``name`` or ``name.ipynb``), or of all of them."""
    names = [n[:-6] if n.endswith(".ipynb") else n for n in names]
    if not names:
        names = sorted(n[:-6] for n in os.listdir(NOTEBOOK_DIR) if n.endswith(".ipynb"))
    return [os.path.join(NOTEBOOK_DIR, n + ".ipynb") for n in names]


def _kernel_manager_class():
    """A KernelManager whose ``python3`` kernel is always this interpreter (ipykernel's
    built-in spec), whatever kernelspecs are installed on the machine."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager
    from traitlets import default

    class ThisInterpreterKernelManager(KernelManager):
        @default("kernel_spec_manager")
        def _only_the_native_kernel(self):
            specs = KernelSpecManager(parent=self)
            specs.kernel_dirs = []
            return specs

    return ThisInterpreterKernelManager


def execute(path: str, timeout: int = 300) -> nbformat.NotebookNode:
    """A copy of the notebook at ``path``, executed top to bottom in a fresh kernel.

    Raises ``nbclient.exceptions.CellExecutionError`` when a cell fails.
    """
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    env = {k: v for k, v in os.environ.items() if k not in KERNEL_ENV_DROP}
    env.update(KERNEL_ENV)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            kernel_manager_class=_kernel_manager_class(),
                            resources={"metadata": {"path": os.path.dirname(path)}})
    client.execute(env=env)
    return nb


def execute_all(paths: list[str], jobs: int = 2) -> dict:
    """Execute several notebooks, ``jobs`` kernels at a time.

    Returns ``{path: executed notebook}``, or ``{path: exception}`` for a notebook that failed.
    """
    from concurrent.futures import ThreadPoolExecutor

    def one(path):
        try:
            return execute(path)
        except Exception as err:  # reported per notebook by the caller
            return err

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return dict(zip(paths, pool.map(one, paths)))


# ------------------------------------------------------------------ normalisation

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_CELL_FILE = re.compile(r"/tmp/ipykernel_\d+/\d+\.py|<ipython-input-[\d-]+>")
_ABS_DIR = re.compile(r"(?<![\w.>])/(?:[\w.+@~-]+/)+")
_LINE_NO = re.compile(r"(<dir>/[\w.+-]+\.py|<cell>)(:|\", line )\d+")
_ADDRESS = re.compile(r"0x[0-9a-fA-F]{4,}")
_TIMING = re.compile(r"\d+(?:\.\d+)?(?:e[-+]?\d+)?\s*(?:ms|µs|us|ns|s|sec|seconds)\b")
_NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|[-+]?(?:nan|inf)\b")


def normalise(text: str) -> str:
    """``text`` with run-to-run noise replaced by placeholders."""
    text = _ANSI.sub("", text)
    text = _CELL_FILE.sub("<cell>", text)
    text = _ABS_DIR.sub("<dir>/", text)
    text = _LINE_NO.sub(r"\1\2<n>", text)
    text = _ADDRESS.sub("0x<addr>", text)
    text = _TIMING.sub("<time>", text)
    # NumPy pads columns with spaces; compare with runs of blanks collapsed
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" ?([\[\]]) ?", r"\1", text)
    return text.strip()


def _close(a: str, b: str) -> bool:
    x, y = float(a), float(b)
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    return x == y or abs(x - y) <= ATOL + RTOL * abs(y)


def texts_match(ours: str, committed: str) -> bool:
    """Equal after ``normalise``, numbers within RTOL/ATOL."""
    a, b = normalise(ours), normalise(committed)
    if a == b:
        return True
    if _NUMBER.split(a) != _NUMBER.split(b):
        return False
    na, nb = _NUMBER.findall(a), _NUMBER.findall(b)
    return len(na) == len(nb) and all(_close(p, q) for p, q in zip(na, nb))


# ------------------------------------------------------------------ comparison

def cell_outputs(cell: nbformat.NotebookNode) -> dict:
    """What a code cell showed: merged streams, result/display texts, mime kinds, errors.

    Streams are merged per name because the kernel may split one print across messages.
    """
    out = {"stdout": "", "stderr": "", "texts": [], "kinds": [], "errors": []}
    for o in cell.get("outputs", []):
        kind = o["output_type"]
        if kind == "stream":
            out[o["name"]] += o["text"]
        elif kind in ("execute_result", "display_data"):
            data = o.get("data", {})
            out["kinds"].append(tuple(sorted(data)))
            out["texts"].append(data.get("text/plain", ""))
        elif kind == "error":
            out["errors"].append("%s: %s" % (o["ename"], o["evalue"]))
    return out


def stale_cells(committed: nbformat.NotebookNode, fresh: nbformat.NotebookNode) -> list[str]:
    """Reasons the committed outputs differ from a fresh execution; [] when current."""
    old = [c for c in committed.cells if c.cell_type == "code"]
    new = [c for c in fresh.cells if c.cell_type == "code"]
    if len(old) != len(new):
        return ["the notebook has %d code cells, the executed copy %d" % (len(old), len(new))]
    problems = []
    for i, (a, b) in enumerate(zip(old, new)):
        where = "code cell %d (%s)" % (i + 1, b.source.strip().splitlines()[0][:60]
                                       if b.source.strip() else "empty")
        if a.source != b.source:
            problems.append("%s: source differs" % where)
            continue
        if b.source.strip() and a.get("execution_count") is None:
            problems.append("%s: committed without being executed" % where)
            continue
        oa, ob = cell_outputs(a), cell_outputs(b)
        if ob["errors"]:
            problems.append("%s: raised %s" % (where, ob["errors"]))
            continue
        if oa["kinds"] != ob["kinds"]:
            problems.append("%s: output kinds %s, committed %s" % (where, ob["kinds"], oa["kinds"]))
            continue
        if NONDETERMINISTIC in b.metadata.get("tags", []):
            continue
        for key in ("stdout", "stderr"):
            if not texts_match(ob[key], oa[key]):
                problems.append("%s: %s differs\n--- committed ---\n%s\n--- now ---\n%s"
                                % (where, key, oa[key], ob[key]))
        for ta, tb in zip(oa["texts"], ob["texts"]):
            if not texts_match(tb, ta):
                problems.append("%s: result differs\n--- committed ---\n%s\n--- now ---\n%s"
                                % (where, ta, tb))
    return problems


def _clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop per-run metadata so that re-executing changes only what the cells printed."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    return nb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="notebook names (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="report notebooks whose committed outputs are stale; write nothing")
    parser.add_argument("-j", "--jobs", type=int, default=1,
                        help="notebooks executed at the same time (default 1)")
    args = parser.parse_args(argv)
    status = 0
    paths = notebook_paths(args.names)
    for path, fresh in execute_all(paths, args.jobs).items():
        name = os.path.basename(path)
        if isinstance(fresh, Exception):
            status = 1
            print("%s: failed\n%s" % (name, fresh))
            continue
        if args.check:
            problems = stale_cells(nbformat.read(path, as_version=4), fresh)
            if problems:
                status = 1
                print("%s: stale\n  %s" % (name, "\n  ".join(problems)))
            else:
                print("%s: current" % name)
            continue
        nbformat.write(_clean(fresh), path)
        print("executed %s" % name)
    return status


if __name__ == "__main__":
    sys.exit(main())
