"""The documentation: the API coverage page is current, its classification rule works,
the examples with shown output print that output, and ``mkdocs build --strict`` passes."""
from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import textwrap
import types

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(REPO, "tools")


def _load_tool(name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(f"_docs_tool_{name}",
                                                  os.path.join(TOOLS, f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def coverage() -> types.ModuleType:
    return _load_tool("api_coverage")


# ----------------------------------------------------------------------------- coverage page
def test_api_coverage_page_is_current():
    # A fresh process, so that nothing other tests registered or patched is counted.
    proc = subprocess.run([sys.executable, os.path.join(TOOLS, "api_coverage.py"), "--check"],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, (
        "docs/api-coverage.md does not match the code; regenerate it with "
        "`python tools/api_coverage.py`\n" + proc.stderr[-2000:])


def test_recorded_api_has_every_area():
    with open(os.path.join(REPO, "tests", "data", "mxnet_api.json")) as f:
        api = json.load(f)
    assert api["mxnet_version"] == "1.9.1"
    for module in ("mx", "mx.nd", "mx.nd.linalg", "mx.nd.random", "mx.autograd", "mx.init",
                   "mx.gluon", "mx.gluon.nn", "mx.gluon.loss", "mx.gluon.data", "mx.sym",
                   "mx.mod", "mx.io", "mx.metric", "mx.optimizer", "mx.kv", "mx.recordio"):
        assert api["modules"][module]["names"], module
    nd_names = api["modules"]["mx.nd"]["names"]
    assert nd_names["NDArray"] == "class" and nd_names["relu"] == "function"
    assert "gen_op" not in nd_names  # an implementation module, not API
    assert api["modules"]["mx.metric"]["names"]["np"] == "function"  # mx.metric.np(...)
    assert "check_call" not in api["modules"]["mx.autograd"]["names"]
    members = api["classes"]["NDArray"]["members"]
    assert members["asnumpy"] == "method" and members["shape"] == "property"
    assert api["classes"]["Block"]["abstract"] == ["forward"]


def _fn(source: str):
    namespace: dict = {}
    code = textwrap.dedent(source)
    path = os.path.join(os.path.dirname(__file__), "__docs_rule_snippet__.py")
    # inspect.getsource needs a real file; linecache lets it read one we never write
    import linecache
    linecache.cache[path] = (len(code), None, code.splitlines(True), path)
    exec(compile(code, path, "exec"), namespace)
    return namespace


def test_stub_rule(coverage):
    ns = _fn('''
        def bare():
            raise NotImplementedError

        def named():
            """Docstring."""
            raise NotImplementedError("feature X")

        def checked_then_refused(x):
            assert x is not None, "x"
            raise NotImplementedError("feature Y")

        def partial(stype):
            if stype == "default":
                return 1
            raise NotImplementedError(stype)

        def conditional(flag):
            if flag:
                raise NotImplementedError("flag")
            x = 1

        def nested_return():
            def helper():
                return 1
            raise NotImplementedError("still a stub")

        def other_error():
            raise ValueError("no")

        class Refused:
            def __init__(self, a):
                raise NotImplementedError("Refused")

        class Works:
            def __init__(self):
                self.attr = 1

            @property
            def refused(self):
                raise NotImplementedError("prop")

            @staticmethod
            def fine():
                return 2

        class Child(Refused):
            pass
    ''')
    rule = coverage.always_raises_not_implemented
    for name in ("bare", "named", "checked_then_refused", "nested_return", "Refused", "Child"):
        assert rule(ns[name]), name
    for name in ("partial", "conditional", "other_error", "Works"):
        assert not rule(ns[name]), name
    assert rule(vars(ns["Works"])["refused"])
    assert not rule(vars(ns["Works"])["fine"])
    assert not rule(len)  # no Python source


def test_classify(coverage):
    P, NI, M = coverage.PROVIDED, coverage.NOT_IMPLEMENTED, coverage.MISSING
    ns = _fn('''
        def stub():
            raise NotImplementedError("stub")
    ''')

    def missing():
        raise AttributeError("nope")

    def refused_by_getattr():
        raise NotImplementedError("module __getattr__ refuses")

    marked = lambda: 1  # noqa: E731
    marked.__mxcompat_not_implemented__ = True
    assert coverage.classify(lambda: len, False) == P
    assert coverage.classify(missing, False) == M
    assert coverage.classify(refused_by_getattr, False) == NI
    assert coverage.classify(lambda: ns["stub"], False) == NI
    assert coverage.classify(lambda: ns["stub"], True) == P  # abstract in MXNet too
    assert coverage.classify(lambda: marked, False) == NI


def test_coverage_page_lists_gaps(coverage):
    api = {"mxnet_version": "1.9.1",
           "modules": {"mx.m": {"module": "m", "names": {"a": "function", "b": "function",
                                                         "c": "function"}}},
           "classes": {"K": {"path": "mx.m.K", "members": {"x": "method"}}}}
    result = {"modules": {"mx.m": {"a": coverage.PROVIDED, "b": coverage.MISSING,
                                   "c": coverage.NOT_IMPLEMENTED}},
              "classes": {"K": {"x": coverage.PROVIDED}}}
    page = coverage.render(api, result)
    assert "| `mx.m` | 3 | 1 | 1 | 1 | 33.3% |" in page
    assert "| **all** | 4 | 2 | 1 | 1 | 50.0% |" in page
    assert "Missing (1): `b`" in page and "Not implemented (1): `c`" in page
    assert "`mx.m.K` members" not in page  # nothing to report for K


# ----------------------------------------------------------------------------- examples
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```\n", re.S | re.M)

DRIVER = r'''
import contextlib, io, json, sys
import mxcompat
mxcompat.install_as_mxnet()
import mxnet as mx
mx.random.set_stream("mxnet")
outputs = []
for code in json.loads(sys.stdin.read()):
    mx.random.seed(0)   # a fresh process's state
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(code, "<docs>", "exec"), {"__name__": "__main__"})
    outputs.append(buf.getvalue())
print(json.dumps(outputs))
'''


def _examples_with_output() -> list[tuple[str, str, str]]:
    """(page, python code, expected output) for each python block followed by a text block
    (with no other code block in between)."""
    found = []
    for page in ("index.md", "quickstart.md"):
        with open(os.path.join(REPO, "docs", page)) as f:
            blocks = _BLOCK.findall(f.read())
        for (lang, code), (next_lang, text) in zip(blocks, blocks[1:]):
            if lang == "python" and next_lang == "text":
                found.append((page, code, text))
    return found


def test_examples_print_what_the_docs_show(tmp_path):
    examples = _examples_with_output()
    assert len(examples) >= 4
    proc = subprocess.run([sys.executable, "-c", DRIVER], input=json.dumps(
        [code for _, code, _ in examples]), cwd=tmp_path, capture_output=True, text=True,
        timeout=300, env={**os.environ, "MXCOMPAT_RANDOM": "mxnet"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    outputs = json.loads(proc.stdout.strip().splitlines()[-1])
    for (page, code, text), out in zip(examples, outputs):
        assert out.strip("\n") == text.strip("\n"), f"{page}:\n{code}"


# ----------------------------------------------------------------------------- the site
def _have_mkdocs() -> str | None:
    for module in ("mkdocs", "material", "mkdocstrings", "mkdocstrings_handlers.python"):
        try:
            importlib.import_module(module)
        except ImportError:
            return module
    return None


def test_mkdocs_build_strict(tmp_path):
    lacking = _have_mkdocs()
    if lacking is not None:
        pytest.skip(f"the docs toolchain is not installed ({lacking} is missing); "
                    f"install it with pip install -e '.[docs]'")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                           "-d", str(tmp_path / "site")], cwd=REPO, capture_output=True,
                          text=True, timeout=300, env=env)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]
    site = tmp_path / "site"
    for page in ("index.html", "installation/index.html", "porting/index.html",
                 "differences/index.html", "architecture/index.html",
                 "api-coverage/index.html", "api/ndarray/index.html"):
        assert (site / page).is_file(), page
    ref = (site / "api" / "gluon-nn" / "index.html").read_text()
    assert "mxcompat.gluon.nn.basic_layers.Dense" in ref  # mkdocstrings rendered the API
