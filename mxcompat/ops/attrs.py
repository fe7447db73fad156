"""Operator attribute kinds: parse what MXNet accepts (Python values or MXNet's strings).

Every kind turns a user value into a hashable Python value and can print it back in
MXNet's attribute-string form (for Symbol JSON).
"""
from __future__ import annotations

import ast
from typing import Any

import numpy as np

from ..base import MXNetError
from .._backend.dtypes import dtype_name, to_dtype

REQUIRED = object()


class Attr:
    """One attribute of an operator: a kind, a default, and (optionally) enum values."""

    kind = "any"

    def __init__(self, default: Any = REQUIRED, *, dynamic: bool = False):
        self.default = default
        self.dynamic = dynamic  # passed to the kernel as a traced value, not compiled in

    def parse(self, value: Any) -> Any:
        return value

    def to_str(self, value: Any) -> str:
        return str(value)

    def describe(self) -> str:
        if self.default is REQUIRED:
            return f"{self.kind}, required"
        return f"{self.kind}, optional, default={self.to_str(self.default)}"


def _literal(value: str):
    try:
        return ast.literal_eval(value.strip())
    except (ValueError, SyntaxError):
        raise ValueError(value) from None


class Int(Attr):
    kind = "int"

    def parse(self, value):
        if isinstance(value, str):
            value = _literal(value)
        if isinstance(value, (bool, np.bool_)):
            return int(value)
        if isinstance(value, (float, np.floating)) and float(value) != int(value):
            raise ValueError(value)
        return int(value)


class OptInt(Int):
    kind = "int or None"

    def parse(self, value):
        if value is None or value == "None":
            return None
        return super().parse(value)


class Float(Attr):
    kind = "float"

    def parse(self, value):
        if isinstance(value, str):
            value = value.strip()
            low = value.lower()
            if low in ("inf", "+inf", "infinity"):
                return float("inf")
            if low in ("-inf", "-infinity"):
                return float("-inf")
            if low == "nan":
                return float("nan")
            value = _literal(value)
        return float(value)

    def to_str(self, value):
        return repr(float(value)) if value is not None else "None"


class OptFloat(Float):
    kind = "float or None"

    def parse(self, value):
        if value is None or value == "None":
            return None
        return super().parse(value)


class Bool(Attr):
    kind = "boolean"

    def parse(self, value):
        if isinstance(value, str):
            low = value.strip().lower()
            if low in ("true", "1"):
                return True
            if low in ("false", "0"):
                return False
            raise ValueError(value)
        return bool(value)

    def to_str(self, value):
        return "True" if value else "False"


class Shape(Attr):
    """A tuple of ints; an int means a 1-tuple; '(2, 2)' and '[2,2]' are accepted."""

    kind = "Shape(tuple)"

    def __init__(self, default=REQUIRED, *, allow_none=False, **kw):
        super().__init__(default, **kw)
        self.allow_none = allow_none
        if allow_none:
            self.kind = "Shape or None"

    def parse(self, value):
        if isinstance(value, str):
            if value.strip() == "None":
                value = None
            else:
                value = _literal(value)
        if value is None:
            if self.allow_none:
                return None
            raise ValueError(value)
        if isinstance(value, (int, np.integer)):
            return (int(value),)
        return tuple(int(v) for v in value)

    def to_str(self, value):
        if value is None:
            return "None"
        return "(" + ", ".join(str(v) for v in value) + ("," if len(value) == 1 else "") + ")"


class FloatTuple(Shape):
    kind = "tuple of <float>"

    def parse(self, value):
        if isinstance(value, str):
            value = _literal(value)
        if value is None and self.allow_none:
            return None
        if isinstance(value, (int, float, np.number)):
            return (float(value),)
        return tuple(float(v) for v in value)


class Enum(Attr):
    """A string out of a fixed set (MXNet's 'Invalid Input' error otherwise)."""

    def __init__(self, values, default=REQUIRED, *, allow_none=False, **kw):
        super().__init__(default, **kw)
        self.values = tuple(values)
        self.allow_none = allow_none
        self.kind = "{" + ", ".join((["None"] if allow_none else [])
                                    + [repr(v) for v in sorted(self.values)]) + "}"

    def parse(self, value):
        if value is None or value == "None":
            if self.allow_none:
                return None
            raise ValueError(value)
        value = str(value)
        if value not in self.values:
            raise _InvalidEnum(value, self.values)
        return value


class _InvalidEnum(ValueError):
    def __init__(self, value, values):
        super().__init__(value)
        self.value, self.values = value, values


class Str(Attr):
    kind = "string"

    def parse(self, value):
        return None if value is None else str(value)


class Dtype(Attr):
    kind = "dtype"

    def __init__(self, default=REQUIRED, *, allow_none=False, **kw):
        super().__init__(default, **kw)
        self.allow_none = allow_none

    def parse(self, value):
        if value is None or value == "None":
            if self.allow_none:
                return None
            raise ValueError(value)
        return dtype_name(to_dtype(value))

    def to_str(self, value):
        return "None" if value is None else value


class Any_(Attr):
    kind = "any"

    def parse(self, value):
        return value


def parse_attrs(op, kwargs: dict) -> dict:
    """Parse user keyword attributes of ``op`` into a full dict of Python values.

    Raises MXNetError with MXNet's wording for unknown names, bad values and missing
    required attributes.
    """
    specs = op.attrs
    out = {}
    for key, value in kwargs.items():
        spec = specs.get(key)
        if spec is None:
            if key in op.ignored_attrs or not op.strict or (
                    key.startswith("__") and key.endswith("__")):  # hidden attributes
                continue
            raise MXNetError(
                f"Cannot find argument '{key}', Possible Arguments:\n----------------\n"
                + "".join(f"{n} : {s.describe()}\n" for n, s in specs.items())
                + f", in operator {op.name}(name=\"\", {key}=\"{value}\")")
        # (MXNet appends ", in operator NAME(...)" to some of these messages and not to
        # others; the part we give is common to all)
        try:
            out[key] = spec.parse(value)
        except _InvalidEnum as e:
            raise MXNetError(f"Invalid Input: '{e.value}', valid values are: {spec.kind}"
                             ) from None
        except (ValueError, TypeError, SyntaxError):
            raise MXNetError(f"Invalid Parameter format for {key} expect {spec.kind} but "
                             f"value='{value}'") from None
    for key, spec in specs.items():
        if key not in out:
            if spec.default is REQUIRED:
                raise MXNetError(f"Required parameter {key} of {spec.kind} is not presented")
            out[key] = spec.default
    return out
