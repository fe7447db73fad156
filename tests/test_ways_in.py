"""The ways into mxcompat for legacy code: the ``mxnet`` import hook,
``python -m mxcompat`` and the IPython extension."""
from __future__ import annotations

import importlib
import importlib.util
import json
import os
import pickle
import subprocess
import sys
import textwrap
import threading
import types
import warnings

import pytest

try:
    import mxcompat
except Exception as exc:  # pragma: no cover - only while the package is broken
    pytest.skip(f"`import mxcompat` fails, nothing to test: {exc!r}", allow_module_level=True)

from mxcompat import _import_hook
from mxcompat._import_hook import install_as_mxnet, is_installed, uninstall_as_mxnet

#: The directory holding the mxcompat package, put on PYTHONPATH for subprocesses.
REPO = os.path.dirname(os.path.abspath(list(mxcompat.__path__)[0]))


def _needs_legacy_modules():
    """Skip until mxcompat has the modules a typical legacy script imports."""
    missing = [] if hasattr(mxcompat, "nd") else ["nd"]
    for name in ("autograd", "gluon", "gluon.nn"):
        try:
            importlib.import_module(f"mxcompat.{name}")
        except ModuleNotFoundError as exc:
            if exc.name is None or not f"mxcompat.{name}".startswith(exc.name):
                raise  # a real error inside an existing module
            missing.append(name)
    if missing:
        pytest.skip(f"mxcompat has no {', '.join(missing)} yet")


def _mxnet_entries() -> dict:
    return {k: v for k, v in sys.modules.items() if k == "mxnet" or k.startswith("mxnet.")}


@pytest.fixture
def hook():
    """The hook installed for one test; the state before is restored after."""
    was = is_installed()
    install_as_mxnet()
    yield
    if not was:
        uninstall_as_mxnet()


@pytest.fixture
def clean_hook():
    """The hook freshly installed, with no ``mxnet`` module imported yet."""
    was = is_installed()
    uninstall_as_mxnet()
    install_as_mxnet()
    yield
    uninstall_as_mxnet()
    if was:
        install_as_mxnet()


@pytest.fixture
def probe_pkg(tmp_path):
    """A submodule tree that mxcompat did not have when the hook was installed:
    ``mxcompat._probe`` with ``mxcompat._probe.deep.leaf``, found through
    a directory appended to ``mxcompat.__path__`` for the test."""
    root = tmp_path / "extra"
    (root / "_probe" / "deep").mkdir(parents=True)
    (root / "_probe" / "__init__.py").write_text("VALUE = 'probe'\n")
    (root / "_probe" / "deep" / "__init__.py").write_text("")
    (root / "_probe" / "deep" / "leaf.py").write_text("class Leaf:\n    pass\n")
    for i in range(8):
        (root / "_probe" / f"m{i}.py").write_text(f"N = {i}\n")
    mxcompat.__path__.append(str(root))
    importlib.invalidate_caches()
    yield root
    paths = mxcompat.__path__
    (paths if isinstance(paths, list) else paths._path).remove(str(root))
    for name in list(sys.modules):
        if name.startswith(("mxcompat._probe", "mxnet._probe")):
            del sys.modules[name]
    if "_probe" in vars(mxcompat):
        delattr(mxcompat, "_probe")


# --------------------------------------------------------------------------- hook


def test_import_mxnet_gives_the_alias(hook):
    import mxnet
    import mxnet as mx

    assert mx is mxnet is sys.modules["mxnet"]
    assert isinstance(mx, types.ModuleType)
    assert mx.__name__ == "mxnet"
    assert mx.__spec__.name == "mxnet"


def test_versions(hook):
    import mxnet as mx

    assert mx.__version__ == "1.9.1"
    assert _import_hook.mxnet_version == "1.9.1"
    assert mxcompat.__version__ == "0.1.0"
    # Version checks found in legacy code.
    assert mx.__version__.startswith("1.")
    assert tuple(int(p) for p in mx.__version__.split(".")[:2]) >= (1, 6)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from distutils.version import LooseVersion
    except ImportError:
        LooseVersion = None
    if LooseVersion is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            assert LooseVersion(mx.__version__) >= LooseVersion("1.6")
            assert LooseVersion(mx.__version__) < LooseVersion("2.0")


def test_submodules_are_the_mxcompat_modules(hook):
    import mxnet.base
    import mxnet.context
    import mxnet.ndarray
    import mxcompat.base
    import mxcompat.context
    import mxcompat.ndarray

    assert mxnet.base is mxcompat.base is sys.modules["mxnet.base"]
    assert mxnet.context is mxcompat.context
    assert mxnet.ndarray is mxcompat.ndarray
    assert mxnet.base.MXNetError is mxcompat.base.MXNetError
    assert mxnet.context.Context is mxcompat.context.Context
    assert mxnet.ndarray.NDArray is mxcompat.ndarray.NDArray
    # The aliased modules keep their own identity.
    assert mxnet.base.__name__ == "mxcompat.base"
    assert mxnet.base.__spec__.name == "mxcompat.base"
    assert mxnet.ndarray.__spec__.name == "mxcompat.ndarray"


def test_import_forms(hook):
    ns: dict = {}
    exec(textwrap.dedent("""
        import mxnet.ndarray.ndarray
        import mxnet.base as base_mod
        from mxnet.ndarray import NDArray
        from mxnet.base import MXNetError
        from mxnet import base, context, ndarray
        from mxnet.context import Context, cpu
    """), ns)
    import mxcompat.ndarray.ndarray

    assert ns["mxnet"].ndarray.ndarray is mxcompat.ndarray.ndarray
    assert ns["base_mod"] is ns["base"] is mxcompat.base
    assert ns["NDArray"] is mxcompat.ndarray.NDArray
    assert ns["MXNetError"] is mxcompat.base.MXNetError
    assert ns["ndarray"] is mxcompat.ndarray
    assert ns["Context"] is mxcompat.context.Context
    assert ns["cpu"] is mxcompat.context.cpu


def test_legacy_top_level_names(hook):
    _needs_legacy_modules()
    ns: dict = {}
    exec("import mxnet as mx\nfrom mxnet import nd, autograd, gluon\nfrom mxnet.gluon import nn\n"
         "import mxnet.gluon.nn as nn2\n", ns)
    assert ns["mx"].nd is mxcompat.nd
    assert ns["nd"] is mxcompat.nd
    assert ns["autograd"] is mxcompat.autograd
    assert ns["gluon"] is mxcompat.gluon
    assert ns["nn"] is ns["nn2"] is mxcompat.gluon.nn


def test_import_submodule_makes_it_an_attribute(clean_hook):
    assert "mxnet" not in sys.modules
    import mxnet.ndarray

    alias = sys.modules["mxnet"]
    assert alias.ndarray is mxcompat.ndarray
    assert sys.modules["mxnet.ndarray"] is mxcompat.ndarray


def test_submodules_added_later_at_any_depth(hook, probe_pkg):
    import mxnet._probe.deep.leaf
    import mxcompat._probe.deep.leaf

    assert mxnet._probe is mxcompat._probe
    assert mxnet._probe.VALUE == "probe"
    assert mxnet._probe.deep.leaf is mxcompat._probe.deep.leaf
    assert mxnet._probe.deep.leaf.Leaf is mxcompat._probe.deep.leaf.Leaf
    assert mxcompat._probe.deep.leaf.__spec__.name == "mxcompat._probe.deep.leaf"
    assert mxcompat._probe.deep.leaf.__name__ == "mxcompat._probe.deep.leaf"


def test_mxnet_name_imported_before_the_mxcompat_name(hook, probe_pkg):
    assert "mxcompat._probe" not in sys.modules
    from mxnet._probe.deep import leaf

    assert sys.modules["mxcompat._probe.deep.leaf"] is leaf
    assert leaf.__name__ == "mxcompat._probe.deep.leaf"
    assert leaf.__spec__.name == "mxcompat._probe.deep.leaf"
    assert leaf.Leaf.__module__ == "mxcompat._probe.deep.leaf"
    # Reloading goes through the module's own (mxcompat) name.
    assert importlib.reload(leaf) is leaf


def test_concurrent_imports(hook, probe_pkg):
    results: dict = {}
    errors: list = []
    barrier = threading.Barrier(8)

    def work(i):
        try:
            barrier.wait()
            results[i] = importlib.import_module(f"mxnet._probe.m{i}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    assert all(not t.is_alive() for t in threads)
    for i, mod in results.items():
        assert mod is sys.modules[f"mxcompat._probe.m{i}"]
        assert mod.N == i


@pytest.mark.parametrize("name, missing", [
    ("mxnet.no_such_module", "mxnet.no_such_module"),
    ("mxnet.ndarray.no_such_module", "mxnet.ndarray.no_such_module"),
    ("mxnet.no_such_pkg.onnx", "mxnet.no_such_pkg"),
])
def test_missing_module_names_the_mxnet_module(hook, name, missing):
    with pytest.raises(ModuleNotFoundError) as info:
        importlib.import_module(name)
    assert info.value.name == missing
    assert str(info.value) == f"No module named {missing!r}"
    assert importlib.util.find_spec("mxnet.no_such_module") is None


def test_missing_module_under_a_plain_module(hook):
    with pytest.raises(ModuleNotFoundError, match=r"'mxnet\.base' is not a package"):
        importlib.import_module("mxnet.base.anything")


def test_from_import_of_missing_name(hook):
    with pytest.raises(ImportError, match=r"cannot import name 'no_such_name' from 'mxnet'"):
        exec("from mxnet import no_such_name", {})


def test_missing_attribute(hook):
    import mxnet as mx

    with pytest.raises(AttributeError, match=r"module 'mxnet' has no attribute 'no_such_attr'"):
        mx.no_such_attr  # noqa: B018
    assert not hasattr(mx, "no_such_attr")


def test_dir_and_star_import(hook):
    import mxnet as mx
    import mxcompat.base  # noqa: F401

    names = dir(mx)
    assert "__version__" in names
    assert "base" in names
    assert set(dir(mxcompat)) <= set(names)
    ours: dict = {}
    theirs: dict = {}
    exec("from mxnet import *", ours)
    exec("from mxcompat import *", theirs)
    ours.pop("__builtins__")
    theirs.pop("__builtins__")
    assert ours.keys() == theirs.keys()
    assert all(ours[k] is theirs[k] for k in ours)


def test_attribute_writes_reach_mxcompat(hook, monkeypatch):
    import mxnet as mx
    import mxcompat.base

    sentinel = object()
    mx._ways_in_attr = sentinel
    assert mxcompat._ways_in_attr is sentinel
    assert mx._ways_in_attr is sentinel
    del mx._ways_in_attr
    assert not hasattr(mxcompat, "_ways_in_attr")
    assert not hasattr(mx, "_ways_in_attr")

    real = mxcompat.base
    assert mx.base is real
    monkeypatch.setattr(mx, "base", sentinel)
    assert mxcompat.base is sentinel and mx.base is sentinel
    monkeypatch.undo()
    assert mxcompat.base is real and mx.base is real
    # The other way round: a change made on mxcompat shows through mxnet.
    monkeypatch.setattr(mxcompat, "base", sentinel)
    assert mx.base is sentinel
    monkeypatch.undo()
    assert mx.base is real
    # Module dunders stay the alias's own.
    mx.__version__ = "1.9.1"
    assert mxcompat.__version__ == "0.1.0"


def test_pickle_round_trip_keeps_classes(hook):
    import mxnet.base

    err = pickle.loads(pickle.dumps(mxnet.base.MXNetError("x")))
    assert type(err) is mxcompat.base.MXNetError


def test_install_is_idempotent(hook):
    install_as_mxnet()
    install_as_mxnet()
    finders = [f for f in sys.meta_path if type(f).__name__ == "_MXNetFinder"]
    assert len(finders) == 1
    assert is_installed()


def test_uninstall(hook):
    import mxnet  # noqa: F401
    import mxnet.base  # noqa: F401

    was = is_installed()
    uninstall_as_mxnet()
    try:
        assert not is_installed()
        assert not _mxnet_entries()
        spec = importlib.util.find_spec("mxnet")
        assert spec is None or "mxcompat" not in repr(spec)
        assert "base" in vars(mxcompat)  # mxcompat itself is left alone
    finally:
        if was:
            install_as_mxnet()


def test_refuses_when_real_mxnet_is_imported():
    was = is_installed()
    uninstall_as_mxnet()
    fake = types.ModuleType("mxnet")
    fake.__file__ = "/site-packages/mxnet/__init__.py"
    sys.modules["mxnet"] = fake
    try:
        with pytest.raises(ImportError, match="real MXNet is already imported"):
            install_as_mxnet()
        assert not is_installed()
    finally:
        del sys.modules["mxnet"]
        if was:
            install_as_mxnet()


def test_package_exports():
    assert mxcompat.install_as_mxnet is install_as_mxnet
    from mxcompat import _ipython

    assert mxcompat.load_ipython_extension is _ipython.load_ipython_extension
    assert mxcompat.unload_ipython_extension is _ipython.unload_ipython_extension


# ------------------------------------------------------------ python -m mxcompat


def _run(args, cwd, stdin=None, timeout=300):
    env = dict(os.environ)
    env["PYTHONPATH"] = REPO + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("PYTHONSAFEPATH", None)
    return subprocess.run([sys.executable, "-m", "mxcompat", *args], cwd=cwd, env=env,
                          input=stdin, capture_output=True, text=True, timeout=timeout)


REPORT = textwrap.dedent("""
    import json, sys
    import mxnet, mxnet.base
    import mxcompat
    print(json.dumps({
        "argv": sys.argv, "name": __name__, "file": globals().get("__file__"),
        "path0": sys.path[0], "version": mxnet.__version__,
        "same": mxnet.base is mxcompat.base,
        "main_is_me": sys.modules["__main__"].__dict__ is globals(),
    }))
""")


def _report(proc):
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_run_script(tmp_path):
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    (scripts / "helper_mod.py").write_text("X = 42\n")
    (scripts / "prog.py").write_text("import helper_mod\nassert helper_mod.X == 42\n" + REPORT)
    proc = _run(["scripts/prog.py", "a", "-m", "--flag", "-c"], cwd=tmp_path)
    rep = _report(proc)
    assert rep["argv"] == ["scripts/prog.py", "a", "-m", "--flag", "-c"]
    assert rep["name"] == "__main__"
    assert rep["file"] == str(scripts / "prog.py")
    assert rep["path0"] == os.path.realpath(scripts)
    assert rep["version"] == "1.9.1"
    assert rep["same"] and rep["main_is_me"]


def test_run_legacy_script(tmp_path):
    _needs_legacy_modules()
    (tmp_path / "legacy.py").write_text(textwrap.dedent("""
        import mxnet as mx
        from mxnet import nd, autograd, gluon
        from mxnet.gluon import nn
        import mxcompat
        assert mx.nd is mxcompat.nd and nn is mxcompat.gluon.nn
        print("ok", mx.__version__)
    """))
    proc = _run(["legacy.py"], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["ok", "1.9.1"]


def test_run_script_exception(tmp_path):
    (tmp_path / "bad.py").write_text(textwrap.dedent("""
        def inner():
            raise ValueError("boom")

        inner()
    """))
    proc = _run(["bad.py"], cwd=tmp_path)
    assert proc.returncode == 1
    err = proc.stderr
    assert err.startswith("Traceback (most recent call last):\n"), err
    assert f'File "{tmp_path / "bad.py"}", line 5, in <module>' in err
    assert "in inner" in err
    assert err.rstrip().endswith("ValueError: boom")
    assert "__main__.py" not in err and "runpy" not in err


def test_run_script_syntax_error(tmp_path):
    (tmp_path / "syn.py").write_text("x = (\n")
    proc = _run(["syn.py"], cwd=tmp_path)
    assert proc.returncode == 1
    assert "SyntaxError" in proc.stderr
    assert "syn.py" in proc.stderr and "__main__.py" not in proc.stderr


@pytest.mark.parametrize("code, rc, err", [
    ("import sys; sys.exit(3)", 3, ""),
    ("import sys; sys.exit(0)", 0, ""),
    ("import sys; sys.exit('fatal: bad input')", 1, "fatal: bad input"),
    ("raise SystemExit", 0, ""),
])
def test_run_script_exit_codes(tmp_path, code, rc, err):
    (tmp_path / "ex.py").write_text(code + "\n")
    proc = _run(["ex.py"], cwd=tmp_path)
    assert proc.returncode == rc
    assert proc.stderr.strip() == err


def test_run_script_spawned_children_have_the_hook(tmp_path):
    # A "spawn" child re-runs the script (which imports mxnet) in a fresh
    # interpreter; Gluon's DataLoader workers are such children where "fork"
    # is not the default start method.
    (tmp_path / "mp.py").write_text(textwrap.dedent("""
        import multiprocessing as mp
        import mxnet

        def task(x):
            import mxnet.base
            return mxnet.__version__, type(mxnet.base.MXNetError).__name__, x

        if __name__ == "__main__":
            with mp.get_context("spawn").Pool(1) as pool:
                print(pool.map(task, [7]))
    """))
    proc = _run(["mp.py"], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[('1.9.1', 'type', 7)]"


def test_run_missing_script(tmp_path):
    proc = _run(["nope.py"], cwd=tmp_path)
    assert proc.returncode == 2
    assert "can't open file" in proc.stderr and "nope.py" in proc.stderr


def test_run_module(tmp_path):
    pkg = tmp_path / "legacy_pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "tool.py").write_text(REPORT)
    proc = _run(["-m", "legacy_pkg.tool", "x", "--y"], cwd=tmp_path)
    rep = _report(proc)
    assert rep["argv"] == [str(pkg / "tool.py"), "x", "--y"]
    assert rep["name"] == "__main__"
    assert rep["file"] == str(pkg / "tool.py")
    assert rep["path0"] == str(tmp_path)
    assert rep["version"] == "1.9.1" and rep["same"]


def test_run_module_exception_and_missing(tmp_path):
    (tmp_path / "crash.py").write_text("raise KeyError('k')\n")
    proc = _run(["-m", "crash"], cwd=tmp_path)
    assert proc.returncode == 1
    assert "Traceback (most recent call last)" in proc.stderr
    assert "crash.py" in proc.stderr and "KeyError: 'k'" in proc.stderr
    assert "runpy" not in proc.stderr and "__main__.py" not in proc.stderr
    proc = _run(["-m", "no_such_module_here"], cwd=tmp_path)
    assert proc.returncode == 1
    assert "No module named no_such_module_here" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_run_code(tmp_path):
    code = REPORT.replace('globals().get("__file__")', '"none"')
    rep = _report(_run(["-c", code, "p", "q"], cwd=tmp_path))
    assert rep["argv"] == ["-c", "p", "q"]
    assert rep["name"] == "__main__"
    assert rep["path0"] == ""
    assert rep["version"] == "1.9.1" and rep["same"]
    proc = _run(["-c", "import mxnet; 1/0"], cwd=tmp_path)
    assert proc.returncode == 1
    assert 'File "<string>", line 1, in <module>' in proc.stderr
    assert proc.stderr.rstrip().endswith("ZeroDivisionError: division by zero")


def test_run_stdin(tmp_path):
    rep = _report(_run(["-", "z"], cwd=tmp_path, stdin=REPORT))
    assert rep["argv"] == ["-", "z"]
    assert rep["name"] == "__main__" and rep["version"] == "1.9.1"


def test_version_usage_and_bad_options(tmp_path):
    proc = _run(["--version"], cwd=tmp_path)
    assert proc.returncode == 0
    assert "mxcompat 0.1.0" in proc.stdout and "MXNet 1.9.1" in proc.stdout
    proc = _run([], cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("usage:") and proc.stdout == ""
    proc = _run(["--bogus"], cwd=tmp_path)
    assert proc.returncode == 2 and "usage:" in proc.stderr
    proc = _run(["-m"], cwd=tmp_path)
    assert proc.returncode == 2 and "-m" in proc.stderr
    proc = _run(["--help"], cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.startswith("usage:")


# ---------------------------------------------------------- IPython extension


IPYTHON_PROG = textwrap.dedent("""
    import sys
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shell.run_cell("%load_ext EXT").raise_error()
    shell.run_cell("import mxnet as mx\\nfrom mxnet.base import MXNetError\\n"
                   "import mxcompat.base").raise_error()
    ns = shell.user_ns
    assert ns["mx"] is sys.modules["mxnet"], ns["mx"]
    assert ns["mx"].__version__ == "1.9.1"
    assert ns["MXNetError"] is ns["mxcompat"].base.MXNetError
    shell.run_cell("%unload_ext EXT").raise_error()
    assert "mxnet" not in sys.modules
    shell.run_cell("%load_ext EXT").raise_error()
    shell.run_cell("import mxnet.base").raise_error()
    assert sys.modules["mxnet.base"] is ns["mxcompat"].base
    print("IPYTHON-OK")
""")


@pytest.mark.parametrize("ext", ["mxcompat", "mxcompat._ipython"])
def test_ipython_extension(tmp_path, ext):
    pytest.importorskip("IPython", reason="IPython is not installed")
    env = dict(os.environ)
    env["PYTHONPATH"] = REPO + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["IPYTHONDIR"] = str(tmp_path / "ipython")
    proc = subprocess.run([sys.executable, "-c", IPYTHON_PROG.replace("EXT", ext)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "IPYTHON-OK" in proc.stdout
