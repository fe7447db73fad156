"""Run a legacy MXNet program on mxcompat without editing it.

    python -m mxcompat script.py [args...]   like ``python script.py [args...]``
    python -m mxcompat -m module [args...]   like ``python -m module [args...]``
    python -m mxcompat -c 'code' [args...]   like ``python -c 'code' [args...]``
    python -m mxcompat - [args...]           the program is read from stdin
    python -m mxcompat --version             mxcompat's and the emulated MXNet version

The ``mxnet`` import hook is installed first, then the program runs as the
``__main__`` module, with ``sys.argv``, ``sys.path[0]``, ``__file__`` set as the
plain interpreter would set them. An uncaught exception prints a traceback that
starts at the program's own code and exits with status 1; ``sys.exit(n)`` exits
with ``n``.
"""
from __future__ import annotations

import builtins
import importlib.util
import os
import runpy
import sys
import types
import zipfile
from typing import NoReturn, Sequence

USAGE = """\
usage: python -m mxcompat [--version] (script.py | -m module | -c code | -) [args...]

Runs a Python program written for Apache MXNet with `import mxnet` served by mxcompat.
  script.py     run a script file (or a directory / zip file with __main__.py)
  -m module     run a library module as a script
  -c code       run the code given as a string
  -             read the program from standard input
  --version     print the mxcompat version and the emulated MXNet version
  -h, --help    show this message
"""

# Files whose frames sit between the interpreter and the user's program; they
# are cut from the front of a traceback so it looks like the plain interpreter's.
_RUNNER_FILES = {os.path.normcase(os.path.abspath(__file__)), "<frozen runpy>"}
if getattr(runpy, "__file__", None):
    _RUNNER_FILES.add(os.path.normcase(os.path.abspath(runpy.__file__)))


def _dist_version(name: str) -> str | None:
    try:
        from importlib.metadata import version

        return version(name)
    except Exception:  # not installed as a distribution
        return None


def _versions() -> str:
    from mxcompat import _import_hook

    pkg = sys.modules.get("mxcompat")
    own = getattr(pkg, "__version__", None) or _dist_version("mxcompat") or "unknown"
    jax = _dist_version("jax") or "unknown"
    return (f"mxcompat {own} (emulates Apache MXNet {_import_hook.mxnet_version}; "
            f"jax {jax}, Python {sys.version.split()[0]})")


def _usage_error(message: str | None = None) -> NoReturn:
    if message:
        print(f"python -m mxcompat: {message}", file=sys.stderr)
    print(USAGE, end="", file=sys.stderr)
    raise SystemExit(2)


def _set_path0(entry: str | None) -> None:
    """Replace the ``sys.path[0]`` that ``python -m mxcompat`` put there (the
    current directory) by what the plain interpreter would put there for the
    program; ``None`` removes it. Nothing changes under ``python -P``."""
    if getattr(sys.flags, "safe_path", False) or not sys.path:
        return
    if entry is None:
        del sys.path[0]
    else:
        sys.path[0] = entry


def _fresh_main(**attrs: object) -> types.ModuleType:
    """A new, empty ``__main__`` module put in ``sys.modules``, as the interpreter
    makes for a script (so pickling and ``sys.modules['__main__']`` see it)."""
    main = types.ModuleType("__main__")
    main.__dict__.update({"__builtins__": builtins, "__annotations__": {},
                          "__spec__": None, "__package__": None, **attrs})
    sys.modules["__main__"] = main
    return main


def _exec_source(source: str | bytes, filename: str, main: types.ModuleType) -> None:
    # dont_inherit: this file's `from __future__` flags must not leak into user code.
    code = compile(source, filename, "exec", dont_inherit=True)
    exec(code, main.__dict__)


def _run_script(path: str) -> None:
    if os.path.isdir(path) or (os.path.isfile(path) and zipfile.is_zipfile(path)):
        # A directory or zip with __main__.py: runpy puts it on sys.path itself.
        _set_path0(None)
        runpy.run_path(path, run_name="__main__")
        return
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError as exc:
        print(f"{sys.executable}: can't open file {os.path.abspath(path)!r}: "
              f"[Errno {exc.errno}] "
              f"{exc.strerror}", file=sys.stderr)
        raise SystemExit(2) from None
    _set_path0(os.path.dirname(os.path.realpath(path)))
    if path.endswith((".pyc", ".pyo")):
        runpy.run_path(path, run_name="__main__")
        return
    from importlib.machinery import SourceFileLoader

    abspath = os.path.abspath(path)
    main = _fresh_main(__file__=abspath, __cached__=None,
                       __loader__=SourceFileLoader("__main__", abspath))
    _exec_source(source, abspath, main)


def _run_code(code: str) -> None:
    from importlib.machinery import BuiltinImporter

    _set_path0("")
    main = _fresh_main(__loader__=BuiltinImporter)
    _exec_source(code, "<string>", main)


def _run_stdin() -> None:
    from importlib.machinery import BuiltinImporter

    _set_path0("")
    main = _fresh_main(__loader__=BuiltinImporter)
    _exec_source(sys.stdin.read(), "<stdin>", main)


def _run_module(name: str) -> None:
    # sys.path[0] stays the current directory, as with `python -m name`.
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError) as exc:
        spec, error = None, f"Error while finding module specification for {name!r} " \
                            f"({type(exc).__name__}: {exc})"
    else:
        error = f"No module named {name}"
    if spec is None:
        # The interpreter reports this in one line, without a traceback.
        print(f"{sys.executable}: {error}", file=sys.stderr)
        raise SystemExit(1)
    try:
        runpy.run_module(name, run_name="__main__", alter_sys=True)
    except ImportError as exc:
        if _trim(exc.__traceback__) is not None:
            raise  # raised by the program itself
        # runpy's own complaint (say, a package without __main__): one line.
        print(f"{sys.executable}: {exc}", file=sys.stderr)
        raise SystemExit(1) from None


class _InstallInChild:
    """Unpickling this in a child process installs the ``mxnet`` hook there."""

    def __reduce__(self):
        from mxcompat._import_hook import install_as_mxnet

        return install_as_mxnet, ()


def _hook_in_spawned_children() -> None:
    """Let multiprocessing's "spawn" and "forkserver" children import mxnet.

    Such a child is a fresh interpreter that re-runs the main program before it
    runs its task, and nothing there installs the hook. The data the parent sends
    to prepare the child is unpickled before the program is re-run, so an entry
    whose unpickling installs the hook is added to it. ("fork" children inherit
    the hook and need nothing.)
    """
    import multiprocessing.spawn as spawn

    original = spawn.get_preparation_data
    if getattr(original, "_mxcompat_hooked", False):
        return

    def get_preparation_data(name):
        data = original(name)
        data["mxcompat_install_as_mxnet"] = _InstallInChild()
        return data

    get_preparation_data._mxcompat_hooked = True  # type: ignore[attr-defined]
    spawn.get_preparation_data = get_preparation_data


def _trim(tb: types.TracebackType | None) -> types.TracebackType | None:
    while tb is not None and os.path.normcase(tb.tb_frame.f_code.co_filename) in _RUNNER_FILES:
        tb = tb.tb_next
    return tb


def _report_and_exit(exc: BaseException) -> NoReturn:
    """Print an uncaught exception as the interpreter would, then exit."""
    tb = _trim(exc.__traceback__)
    exc.__traceback__ = tb
    sys.excepthook(type(exc), exc, tb)
    if isinstance(exc, KeyboardInterrupt):
        # The interpreter ends on Ctrl-C by re-raising SIGINT on itself.
        import signal

        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:
            pass
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
        raise SystemExit(130)
    raise SystemExit(1)


def _parse(args: list[str]) -> tuple[str, str, list[str]]:
    """Split the command line into (mode, target, program arguments).

    Options are read only up to the program: everything after the script,
    ``-m module`` or ``-c code`` belongs to the program, as with ``python``.
    """
    i = 0
    while i < len(args):
        opt = args[i]
        if opt == "--":
            i += 1
            break
        if opt == "-" or not opt.startswith("-"):
            break
        if opt in ("--version", "-V"):
            return "version", "", []
        if opt in ("-h", "--help"):
            return "help", "", []
        if opt[:2] in ("-m", "-c"):
            mode = "module" if opt[1] == "m" else "code"
            if len(opt) > 2:
                return mode, opt[2:], args[i + 1:]
            if i + 1 >= len(args):
                _usage_error(f"argument expected for the {opt} option")
            return mode, args[i + 1], args[i + 2:]
        _usage_error(f"unknown option {opt!r}")
    if i >= len(args):
        _usage_error()
    target = args[i]
    return ("stdin" if target == "-" else "script"), target, args[i + 1:]


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of ``python -m mxcompat``; ``argv`` excludes the program name.

    Meant to run as the interpreter's main program: it replaces ``sys.argv``,
    ``sys.path[0]`` and ``sys.modules['__main__']``.
    """
    mode, target, rest = _parse(list(sys.argv[1:] if argv is None else argv))
    if mode == "version":
        print(_versions())
        return
    if mode == "help":
        print(USAGE, end="")
        return

    from mxcompat._import_hook import install_as_mxnet

    install_as_mxnet()
    _hook_in_spawned_children()
    # For -m, runpy puts the module's file path in argv[0] while it runs.
    sys.argv[:] = [{"code": "-c", "module": "-m", "stdin": "-"}.get(mode, target), *rest]
    try:
        if mode == "script":
            _run_script(target)
        elif mode == "module":
            _run_module(target)
        elif mode == "code":
            _run_code(target)
        else:
            _run_stdin()
    except SystemExit:
        raise
    except BaseException as exc:  # noqa: BLE001 - reported as the interpreter does
        _report_and_exit(exc)


if __name__ == "__main__":
    main()
