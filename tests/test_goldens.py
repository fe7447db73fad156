"""Golden tests: legacy MXNet snippets must print under mxcompat what they printed
under real MXNet 1.9.1.

Snippets live in ``tests/golden/snippets/<area>/<name>.py``; the outputs recorded
under real MXNet (``tools/record_goldens.py``) in ``tests/golden/expected/<area>/<name>.txt``.
Each snippet runs in-process through ``tools/golden_runner.run_snippet`` after
``mxcompat.install_as_mxnet()``, so ``import mxnet`` inside it gives mxcompat.

Comparison (see ``compare_outputs``):

* an exact match passes;
* otherwise the texts are split into number tokens and the text between them.
  The text must be identical after collapsing whitespace runs to one space
  (whitespace next to ``[``/``]`` - numpy's column padding - is dropped), and the
  numbers must agree within rtol=1e-5, atol=1e-6 (nan == nan, inf == inf);
* lines ``!! CAUGHT <Type>: <message>`` (errors a snippet caught and printed
  itself) and the final ``!! EXCEPTION <Type>`` block: the type must match
  exactly, and our message must be non-empty and equal to the golden message,
  a substring of it, or contain it (whitespace-normalised).
"""
from __future__ import annotations

import difflib
import importlib.util
import math
import os
import re

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SNIPPETS = os.path.join(HERE, "golden", "snippets")
EXPECTED = os.path.join(HERE, "golden", "expected")

RTOL = 1e-5
ATOL = 1e-6


def _load_runner():
    spec = importlib.util.spec_from_file_location(
        "golden_runner", os.path.join(REPO, "tools", "golden_runner.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


golden_runner = _load_runner()


# --------------------------------------------------------------------------- discovery

def _discover():
    snippets = []
    if os.path.isdir(SNIPPETS):
        for area in sorted(os.listdir(SNIPPETS)):
            d = os.path.join(SNIPPETS, area)
            if not os.path.isdir(d):
                continue
            for n in sorted(os.listdir(d)):
                if n.endswith(".py") and not n.startswith("_"):
                    snippets.append("%s/%s" % (area, n[:-3]))
    return snippets


def _golden_file(key):
    return os.path.join(EXPECTED, key + ".txt")


ALL_SNIPPETS = _discover()


def _unsupported():
    """area/name -> reason, from tests/golden/unsupported.txt."""
    out = {}
    path = os.path.join(HERE, "golden", "unsupported.txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    key, _, reason = line.partition(" ")
                    out[key] = reason.strip()
    return out


UNSUPPORTED = _unsupported()
RECORDED = [k for k in ALL_SNIPPETS if os.path.exists(_golden_file(k))]


# --------------------------------------------------------------------------- mxcompat + global state

_MX = None
_NP_PRINTOPTIONS = np.get_printoptions()


def _mxnet():
    """Install mxcompat as ``mxnet`` (once) and return the module."""
    global _MX
    if _MX is None:
        import mxcompat
        mxcompat.install_as_mxnet()
        import mxnet
        _MX = mxnet
    return _MX


def _set_default_context(mx, ctx):
    tu = getattr(mx, "test_utils", None)
    if tu is not None and hasattr(tu, "set_default_context"):
        tu.set_default_context(ctx)
        return
    local = getattr(getattr(mx.context, "Context", None), "_default_ctx", None)
    if local is not None:
        local.value = ctx
        return
    if mx.current_context() != ctx:
        raise RuntimeError("test_goldens: cannot reset the default context; extend reset_global_state")


_INIT_REGISTRY: dict = {}


def reset_global_state(mx):
    """Undo every piece of process-wide state a snippet may have changed.

    One place on purpose: when a snippet area starts touching new global state
    (autograd flags, random seeds, ...), add its reset here.
    """
    # 1. the thread-local default context (`with mx.gpu(1):` left open, set_default_context, ...)
    _set_default_context(mx, mx.cpu(0))
    # 2. autograd recording / training flags
    ag = getattr(mx, "autograd", None)
    if ag is not None:
        for setter in ("set_recording", "set_training"):
            if hasattr(ag, setter):
                getattr(ag, setter)(False)
    # 3. numpy print options (a snippet may call np.set_printoptions)
    np.set_printoptions(**_NP_PRINTOPTIONS)
    # 4. the initializer registry (a snippet may register its own classes)
    init = getattr(mx, "init", None)
    if init is not None and hasattr(init, "_REGISTRY"):
        _INIT_REGISTRY.setdefault("snapshot", dict(init._REGISTRY))
        init._REGISTRY.clear()
        init._REGISTRY.update(_INIT_REGISTRY["snapshot"])
    # 5. the random stream and seed
    rnd = getattr(mx, "random", None)
    if rnd is not None and hasattr(rnd, "set_stream"):
        rnd.set_stream("jax")
        rnd.seed(0)
    # 6. the optimizer registry (a snippet may register its own optimizers)
    import sys as _sys
    opt_mod = _sys.modules.get("mxcompat.optimizer.base")
    if opt_mod is not None:
        reg = opt_mod.Optimizer.opt_registry
        _INIT_REGISTRY.setdefault("optimizers", dict(reg))
        reg.clear()
        reg.update(_INIT_REGISTRY["optimizers"])
    # 7. logging: handlers a snippet added to the root logger, and its level
    import logging as _logging
    root = _logging.getLogger()
    _INIT_REGISTRY.setdefault("log", (list(root.handlers), root.level))
    root.handlers[:] = _INIT_REGISTRY["log"][0]
    root.setLevel(_INIT_REGISTRY["log"][1])
    # 8. automatic names (dense0_, fullyconnected0, lstm0_...): fresh counters, no open scope
    import mxcompat.name as _names
    _names.NameManager._current.value = _names.NameManager()
    import sys
    block_mod = sys.modules.get("mxcompat.gluon.block")
    if block_mod is not None:
        block_mod._BlockScope._local.value = None


@pytest.fixture
def mx_clean(tmp_path, monkeypatch):
    mx = _mxnet()
    reset_global_state(mx)
    monkeypatch.chdir(tmp_path)
    yield mx
    reset_global_state(mx)


# --------------------------------------------------------------------------- comparison

_NUM_RE = re.compile(
    r"(?<![A-Za-z_])[-+]?(?:nan|inf)(?![A-Za-z_])"
    r"|[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
_CAUGHT_RE = re.compile(r"^!! CAUGHT (\S+?): ?(.*)$", re.MULTILINE)
_EXC_SPLIT = "\n" + golden_runner.EXCEPTION_MARKER


def _norm_text(s):
    s = re.sub(r"\s+", " ", s)
    return re.sub(r" ?([\[\]]) ?", r"\1", s)


def _norm_ws(s):
    return re.sub(r"\s+", " ", s).strip()


def _tokens(text):
    """Split into ([text0, text1, ...], [num1, num2, ...])."""
    texts, nums, pos = [], [], 0
    for m in _NUM_RE.finditer(text):
        texts.append(text[pos:m.start()])
        nums.append(m.group(0))
        pos = m.end()
    texts.append(text[pos:])
    return texts, nums


def _num_close(a, b):
    x, y = float(a), float(b)
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    if math.isinf(x) or math.isinf(y):
        return x == y
    return abs(x - y) <= ATOL + RTOL * abs(y)


def _tolerant_text(ours, golden):
    """None if equal within tolerance, else a reason."""
    if ours == golden:
        return None
    t1, n1 = _tokens(ours.strip())
    t2, n2 = _tokens(golden.strip())
    if len(n1) != len(n2):
        return "different count of numbers (%d vs golden %d)" % (len(n1), len(n2))
    for i, (a, b) in enumerate(zip(t1, t2)):
        if _norm_text(a) != _norm_text(b):
            return "text differs: %r vs golden %r" % (a, b)
    for a, b in zip(n1, n2):
        if not _num_close(a, b):
            return "number differs: %s vs golden %s" % (a, b)
    return None


def _first_line(s):
    return re.split(r"\n| \| ", s.strip(), maxsplit=1)[0]


def _message_matches(ours, golden):
    o, g = _norm_ws(ours), _norm_ws(golden)
    if not g:
        return True
    if not o:
        return False
    if o == g or o in g or g in o:
        return True
    # a message that goes on with several lines of MXNet's own help text (e.g. "Cannot
    # find argument 'x', Possible Arguments:" and the parameter documentation) matches
    # on its first line
    fg = _norm_ws(_first_line(golden))
    return fg != g and len(fg) >= 20 and _norm_ws(_first_line(ours)) == fg


def _compare_body(ours, golden):
    """Compare stdout text that may contain `!! CAUGHT` lines."""
    p1 = _CAUGHT_RE.split(ours)
    p2 = _CAUGHT_RE.split(golden)
    if len(p1) != len(p2):
        return "different count of '!! CAUGHT' lines (%d vs golden %d)" % (len(p1) // 3, len(p2) // 3)
    for i in range(0, len(p1), 3):
        why = _tolerant_text(p1[i], p2[i])
        if why:
            return why
        if i + 2 < len(p1):
            if p1[i + 1] != p2[i + 1]:
                return "caught %s, golden caught %s" % (p1[i + 1], p2[i + 1])
            if not _message_matches(p1[i + 2], p2[i + 2]):
                return "caught message %r does not match golden %r" % (p1[i + 2], p2[i + 2])
    return None


def _split_exception(text):
    idx = text.rfind(_EXC_SPLIT)
    if idx < 0:
        return text, None, None
    block = text[idx + len(_EXC_SPLIT):]
    typename, _, message = block.partition("\n")
    return text[:idx], typename.strip(), message


def compare_outputs(ours, golden):
    """None when `ours` matches `golden` (exactly or within tolerance), else a reason."""
    if ours == golden:
        return None
    body1, type1, msg1 = _split_exception(ours)
    body2, type2, msg2 = _split_exception(golden)
    if (type1 is None) != (type2 is None):
        return ("raised %s where MXNet did not" % type1) if type1 else ("MXNet raised %s; we did not" % type2)
    why = _compare_body(body1, body2)
    if why:
        return why
    if type1 is not None:
        if type1 != type2:
            return "raised %s, MXNet raised %s" % (type1, type2)
        if not _message_matches(msg1, msg2):
            return "exception message %r does not match MXNet's %r" % (msg1.strip(), msg2.strip())
    return None


# --------------------------------------------------------------------------- tests

def test_every_snippet_has_a_golden():
    missing = [k for k in ALL_SNIPPETS if k not in RECORDED]
    orphans = []
    if os.path.isdir(EXPECTED):
        for area in sorted(os.listdir(EXPECTED)):
            d = os.path.join(EXPECTED, area)
            if os.path.isdir(d):
                orphans += ["%s/%s" % (area, n[:-4]) for n in sorted(os.listdir(d))
                            if n.endswith(".txt") and "%s/%s" % (area, n[:-4]) not in ALL_SNIPPETS]
    assert not missing, ("snippets without a golden file (run tools/record_goldens.py): %s" % missing)
    assert not orphans, "golden files without a snippet: %s" % orphans


def _param(key):
    if key in UNSUPPORTED:
        return pytest.param(key, marks=pytest.mark.xfail(strict=True,
                                                         reason=UNSUPPORTED[key]))
    return key


def test_unsupported_list_names_real_snippets():
    assert set(UNSUPPORTED) <= set(RECORDED), set(UNSUPPORTED) - set(RECORDED)


@pytest.mark.parametrize("key", [_param(k) for k in RECORDED])
def test_golden(key, mx_clean):
    with open(_golden_file(key), encoding="utf-8", newline="") as f:
        golden = f.read()
    ours = golden_runner.run_snippet(os.path.join(SNIPPETS, key + ".py"))
    why = compare_outputs(ours, golden)
    if why:
        diff = "".join(difflib.unified_diff(
            golden.splitlines(True), ours.splitlines(True),
            fromfile="MXNet 1.9.1 (golden)", tofile="mxcompat"))
        with open(os.path.join(SNIPPETS, key + ".py"), encoding="utf-8") as f:
            src = f.read()
        pytest.fail("%s: %s\n--- snippet ---\n%s\n--- diff ---\n%s" % (key, why, src, diff), pytrace=False)
