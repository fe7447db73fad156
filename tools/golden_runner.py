"""Run one golden-test snippet and produce its comparable text output.

A snippet is a small legacy MXNet program.  ``run_snippet(path)`` executes it in
a fresh ``__main__``-like namespace and returns a single string:

* everything the snippet printed to (Python-level) ``sys.stdout``, verbatim;
* every warning issued through :mod:`warnings`, written into that same text at
  the point it happened, as ``!! WARNING <Category>: <message>``;
* if the snippet raised, a final block ``\\n!! EXCEPTION <TypeName>\\n<message>\\n``.
  For ``MXNetError`` the C++ traceback preamble is dropped: only the text after
  the last ``"MXNetError: "`` is kept (or, when that tag is missing, the text
  after the ``Traceback`` / ``File "...", line N`` lines).  Trailing whitespace
  of the message is removed.

The same code runs under real MXNet (through the oracle, to record goldens) and
under mxcompat (in-process, from ``tests/test_goldens.py``), so both sides are
formatted identically.

Command line::

    python tools/golden_runner.py SNIPPET.py             # whatever `import mxnet` is
    python tools/golden_runner.py --mxcompat SNIPPET.py  # install mxcompat as mxnet first
"""
from __future__ import annotations

import io
import os
import re
import sys
import warnings

__all__ = ["run_snippet", "format_exception", "strip_mxnet_preamble", "EXCEPTION_MARKER", "WARNING_MARKER"]

EXCEPTION_MARKER = "!! EXCEPTION "
WARNING_MARKER = "!! WARNING "
_MXNET_ERROR_TAG = "MXNetError: "
_CPP_TRACEBACK = re.compile(r"\ATraceback \(most recent call last\):\n(?:  File [^\n]*\n(?:    [^\n]*\n)?)*")


def _is_mxnet_error(exc: BaseException) -> bool:
    return any(cls.__name__ == "MXNetError" for cls in type(exc).__mro__)


def strip_mxnet_preamble(message: str) -> str:
    """Drop the C++ traceback MXNet puts in front of an engine error message.

    Usually the real message follows the last ``"MXNetError: "``; a few errors
    (e.g. ``NDArray.Reshape``) have no such tag, only the
    ``Traceback ...`` / ``  File "...", line N`` lines, which are removed.
    """
    if _MXNET_ERROR_TAG in message:
        return message[message.rindex(_MXNET_ERROR_TAG) + len(_MXNET_ERROR_TAG):]
    return _CPP_TRACEBACK.sub("", message, count=1)


def format_exception(exc: BaseException) -> str:
    """The exception block (without the leading newline) for ``exc``."""
    message = str(exc)
    if _is_mxnet_error(exc) or message.startswith("Traceback"):
        message = strip_mxnet_preamble(message)
    return "%s%s\n%s\n" % (EXCEPTION_MARKER, type(exc).__name__, message.rstrip())


def _preimport_mxnet() -> None:
    """Import ``mxnet`` once with warnings silenced, so that import-time noise
    (e.g. NumPy deprecation warnings raised while MXNet's modules load) is not
    attributed to the first snippet line that imports it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            import mxnet  # noqa: F401
        except Exception:  # not importable here: the snippet will report it
            pass


def run_snippet(path: str, preimport: bool = True) -> str:
    """Execute the snippet at ``path``; return its output text (see module doc)."""
    path = os.path.abspath(path)
    with open(path, encoding="utf-8") as f:
        source = f.read()
    code = compile(source, path, "exec")
    if preimport:
        _preimport_mxnet()

    buf = io.StringIO()
    namespace = {
        "__name__": "__main__",
        "__file__": path,
        "__builtins__": __builtins__,
        "__doc__": None,
        "__package__": None,
    }

    def _show(message, category, filename, lineno, file=None, line=None):
        # sys.stdout is `buf` while the snippet runs; write to buf explicitly
        # so that a snippet replacing sys.stdout cannot lose the line.
        if buf.tell() and not buf.getvalue().endswith("\n"):
            buf.write("\n")
        buf.write("%s%s: %s\n" % (WARNING_MARKER, category.__name__, message))

    old_stdout, old_argv = sys.stdout, sys.argv
    sys.argv = [path]
    try:
        with warnings.catch_warnings():
            warnings.resetwarnings()
            warnings.simplefilter("always")
            warnings.showwarning = _show
            sys.stdout = buf
            try:
                exec(code, namespace)
            except Exception as exc:  # noqa: BLE001 - recorded, not handled
                sys.stdout.flush()
                buf.write("\n" + format_exception(exc))
    finally:
        sys.stdout = old_stdout
        sys.argv = old_argv
    return buf.getvalue()


def _main(argv) -> int:
    args = list(argv)
    use_mxcompat = False
    if args and args[0] == "--mxcompat":
        use_mxcompat = True
        args.pop(0)
    if len(args) != 1:
        sys.stderr.write("usage: golden_runner.py [--mxcompat] SNIPPET.py\n")
        return 2
    if use_mxcompat:
        repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        sys.path.insert(0, repo)
        import mxcompat
        mxcompat.install_as_mxnet()

    # Anything written to the stdout *file descriptor* by native code (C++
    # logging, printf) must not reach the recorded output: point fd 1 at
    # stderr while the snippet runs and write the captured text at the end.
    sys.stdout.flush()
    saved_fd = os.dup(1)
    os.dup2(2, 1)
    try:
        text = run_snippet(args[0])
    finally:
        sys.stdout.flush()
        os.dup2(saved_fd, 1)
        os.close(saved_fd)
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="")
    out.write(text)
    out.close()
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
