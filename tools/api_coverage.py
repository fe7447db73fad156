"""Measure how much of MXNet 1.9.1's public API mxcompat provides; write docs/api-coverage.md.

    python tools/api_coverage.py            regenerate docs/api-coverage.md
    python tools/api_coverage.py --check    exit 1 if docs/api-coverage.md is stale
    python tools/api_coverage.py --stdout   print the page instead of writing it

The names come from ``tests/data/mxnet_api.json`` (recorded from real MXNet by
``tools/record_mxnet_api.py``). Each is looked up in mxcompat the way legacy code reaches it
(``mx.gluon.nn.Dense`` is ``mxcompat.gluon.nn.Dense``; a submodule that is not an attribute
yet is imported, as ``from mxnet.gluon.data.vision import transforms`` would) and put in one
of three classes (the rule is :func:`classify`):

* provided: the name exists and is not a stub;
* not implemented: the name exists but using it raises NotImplementedError;
* missing: the name does not exist (AttributeError / ImportError).
"""
from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import json
import os
import sys
import textwrap
import types
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DATA = os.path.join(REPO, "tests", "data", "mxnet_api.json")
PAGE = os.path.join(REPO, "docs", "api-coverage.md")

sys.path.insert(0, HERE)
from record_mxnet_api import always_raises_not_implemented  # noqa: E402

PROVIDED, NOT_IMPLEMENTED, MISSING = "provided", "not implemented", "missing"

#: An object carrying this attribute with a true value is counted as not implemented.
MARKER = "__mxcompat_not_implemented__"


class _Absent(Exception):
    """The looked-up name does not exist in mxcompat."""


def _resolve_module(path: str) -> types.ModuleType:
    """The mxcompat module that legacy code reaches as ``path`` (``mx.gluon.nn``)."""
    import mxcompat

    obj: Any = mxcompat
    for part in path.split(".")[1:]:
        try:
            obj = getattr(obj, part)
        except ModuleNotFoundError:  # a lazy submodule that does not exist
            raise _Absent(path) from None
        except AttributeError:
            name = getattr(obj, "__name__", None)
            if not isinstance(obj, types.ModuleType) or name is None:
                raise _Absent(path) from None
            try:
                obj = importlib.import_module(f"{name}.{part}")
            except ModuleNotFoundError:
                raise _Absent(path) from None
    if not isinstance(obj, types.ModuleType):
        raise _Absent(path)
    return obj


def _is_stub(value: Any) -> bool:
    """True when using ``value`` can only raise NotImplementedError (see :func:`classify`)."""
    if getattr(value, MARKER, False) is True:
        return True
    op = getattr(value, "_op", None)  # an operator function generated from the registry
    if op is not None and hasattr(op, "fn"):
        return any(always_raises_not_implemented(f)
                   for f in (op.fn, getattr(op, "check", None)) if f is not None)
    return always_raises_not_implemented(value)


def classify(getter, mxnet_abstract: bool) -> str:
    """Classify one name; ``getter()`` fetches it from mxcompat.

    * getter raises AttributeError/ImportError, or ``_Absent``: missing;
    * getter raises NotImplementedError (say, a module ``__getattr__`` that refuses the
      name): not implemented;
    * the object is marked with ``__mxcompat_not_implemented__ = True``, or it can only
      raise NotImplementedError (its body ends with ``raise NotImplementedError`` and has
      no ``return``/``yield``; see ``always_raises_not_implemented``) -- for a class, the
      ``__init__`` it uses; for a property, its getter; for an operator generated from the
      registry, its kernel or its argument check -- and MXNet's own version is not like
      that too (MXNet's abstract methods such as
      ``Block.forward`` raise NotImplementedError by design): not implemented;
    * otherwise: provided. An object that supports only some arguments (for example
      ``tostype('csr')``) counts as provided; docs/differences.md lists such limits.
    """
    try:
        value = getter()
    except (_Absent, AttributeError, ImportError):
        return MISSING
    except NotImplementedError:
        return NOT_IMPLEMENTED
    if not mxnet_abstract and _is_stub(value):
        return NOT_IMPLEMENTED
    return PROVIDED


def _instance_attributes(cls: type) -> set[str]:
    """Names a class's methods assign as ``self.<name> = ...``, plus its ``__slots__``."""
    names: set[str] = set()
    for klass in cls.__mro__:
        if klass is object:
            continue
        slots = vars(klass).get("__slots__", ())
        names.update([slots] if isinstance(slots, str) else slots)
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(klass)))
        except (OSError, TypeError, SyntaxError):
            continue
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
                targets = [node.target]
            for t in targets:
                if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) \
                        and t.value.id == "self":
                    names.add(t.attr)
    return names


def _member_getter(cls: type, name: str, instance_attrs: set[str]):
    def get():
        try:
            raw = inspect.getattr_static(cls, name)
        except AttributeError:
            if name in instance_attrs:
                return None  # an instance attribute: exists, nothing to inspect
            raise
        if isinstance(raw, (property, classmethod, staticmethod)):
            return raw
        return getattr(cls, name)
    return get


def measure(api: dict) -> dict:
    """{'modules': {path: {name: status}}, 'classes': {short: {member: status}}}."""
    result: dict = {"modules": {}, "classes": {}}
    for path, entry in api["modules"].items():
        abstract = set(entry.get("abstract", ()))
        try:
            module = _resolve_module(path)
            problem = None
        except _Absent:
            module, problem = None, MISSING
        except NotImplementedError:
            module, problem = None, NOT_IMPLEMENTED
        statuses = {}
        for name in entry["names"]:
            if module is None:
                statuses[name] = problem
                continue

            def get(module=module, name=name):
                try:
                    return getattr(module, name)
                except AttributeError:
                    if entry["names"][name] != "module":
                        raise
                    return importlib.import_module(f"{module.__name__}.{name}")
            statuses[name] = classify(get, name in abstract)
        result["modules"][path] = statuses
    for short, entry in api["classes"].items():
        head, _, attr = entry["path"].rpartition(".")
        try:
            cls = getattr(_resolve_module(head), attr)
        except (_Absent, AttributeError, NotImplementedError):
            cls = None
        abstract = set(entry.get("abstract", ()))
        statuses = {}
        if not isinstance(cls, type):
            statuses = {m: MISSING for m in entry["members"]}
        else:
            attrs = _instance_attributes(cls)
            for member in entry["members"]:
                statuses[member] = classify(_member_getter(cls, member, attrs),
                                            member in abstract)
        result["classes"][short] = statuses
    return result


# ----------------------------------------------------------------------------- the page
def _counts(statuses: dict) -> tuple[int, int, int, int]:
    values = list(statuses.values())
    return (len(values), values.count(PROVIDED), values.count(NOT_IMPLEMENTED),
            values.count(MISSING))


def _pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}%" if whole else "-"


def _row(label: str, statuses: dict) -> str:
    n, p, ni, m = _counts(statuses)
    return f"| {label} | {n} | {p} | {ni} | {m} | {_pct(p, n)} |"


def _names(statuses: dict, wanted: str) -> str:
    return ", ".join(f"`{k}`" for k in sorted(statuses, key=str.lower)
                     if statuses[k] == wanted)


def render(api: dict, result: dict) -> str:
    header = "| | names | provided | not implemented | missing | provided % |\n" \
             "|---|---:|---:|---:|---:|---:|"
    all_module = {f"{p}.{n}": s for p, st in result["modules"].items() for n, s in st.items()}
    all_member = {f"{c}.{n}": s for c, st in result["classes"].items() for n, s in st.items()}
    lines = [
        "# API coverage",
        "",
        "How much of the public Python API of Apache MXNet "
        f"{api['mxnet_version']} mxcompat provides, name by name. This page is generated "
        "by `python tools/api_coverage.py` from `tests/data/mxnet_api.json`, the API "
        "recorded from real MXNet by `tools/record_mxnet_api.py`; do not edit it by hand. "
        "`python tools/api_coverage.py --check` (run by `tests/test_docs.py`) fails when "
        "the page no longer matches the code.",
        "",
        "## How names are counted",
        "",
        "- **Recorded names.** For each module below, every name of MXNet's module that "
        "does not start with `_`, leaving out modules and functions imported from outside "
        "MXNet (`np`, `os`, `OrderedDict`), MXNet's C API helpers (`check_call`, "
        "`numeric_types`), other MXNet modules imported for internal use, and, where the "
        "module declares `__all__`, re-exports it does not declare. For the main classes, "
        "every public member (method, property or class attribute) of MXNet's class, "
        "inherited ones included.",
        "- **Provided**: the name exists in mxcompat and is not a stub. A function that "
        "supports only part of its arguments (sparse storage types, for instance) counts "
        "as provided; those limits are listed in [Differences](differences.md).",
        "- **Not implemented**: the name exists but can only raise `NotImplementedError`: "
        "the body of the function (of the class's `__init__`, of the property's getter, "
        "of the operator's kernel or argument check) ends with "
        "`raise NotImplementedError` and has no `return` or `yield`, so no call can "
        "succeed; or the object carries "
        "`__mxcompat_not_implemented__ = True`. Methods that are abstract in MXNet itself "
        "(such as `Block.forward`) are not counted as gaps.",
        "- **Missing**: the name does not exist in mxcompat.",
        "- Operators are reached through `mx.nd` and `mx.sym` as legacy code reaches them; "
        "the `mx.np`/`mx.npx` interface and sparse storage are out of scope and are not "
        "recorded beyond their names in `mx`.",
        "",
        "## Totals",
        "",
        header,
        _row("module-level names", all_module),
        _row("class members", all_member),
        _row("**all**", {**all_module, **all_member}),
        "",
        "## By module",
        "",
        header.replace("| |", "| module |", 1),
    ]
    for path, statuses in result["modules"].items():
        lines.append(_row(f"`{path}`", statuses))
    lines += ["", "## By class", "", header.replace("| |", "| class |", 1)]
    for short, statuses in result["classes"].items():
        lines.append(_row(f"`{api['classes'][short]['path']}`", statuses))
    lines += ["", "## Gaps", "",
              "Names that are not implemented or missing, by module and by class.", ""]
    sections = [(f"`{p}`", st) for p, st in result["modules"].items()] + \
               [(f"`{api['classes'][c]['path']}` members", st)
                for c, st in result["classes"].items()]
    for title, statuses in sections:
        n, p, ni, m = _counts(statuses)
        if ni == 0 and m == 0:
            continue
        lines += [f"### {title}", ""]
        if ni:
            lines += [f"Not implemented ({ni}): {_names(statuses, NOT_IMPLEMENTED)}", ""]
        if m:
            lines += [f"Missing ({m}): {_names(statuses, MISSING)}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def build_page() -> str:
    with open(DATA) as f:
        api = json.load(f)
    return render(api, measure(api))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if docs/api-coverage.md is stale")
    parser.add_argument("--stdout", action="store_true", help="print the page")
    args = parser.parse_args(argv)
    page = build_page()
    if args.stdout:
        sys.stdout.write(page)
        return 0
    if args.check:
        try:
            with open(PAGE) as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != page:
            import difflib

            diff = difflib.unified_diff((current or "").splitlines(), page.splitlines(),
                                        "docs/api-coverage.md", "regenerated", lineterm="", n=0)
            shown = [line[:200] for line in diff][:40]
            print(f"{os.path.relpath(PAGE, REPO)} is stale: run python tools/api_coverage.py\n"
                  + "\n".join(shown), file=sys.stderr)
            return 1
        return 0
    with open(PAGE, "w") as f:
        f.write(page)
    print(f"wrote {os.path.relpath(PAGE, REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
