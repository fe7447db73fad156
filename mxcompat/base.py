"""Basic types shared by every layer: the error class and numeric type tuples."""
from __future__ import annotations

import numbers

import numpy as np

__all__ = ["MXNetError", "incompatible_attr", "numeric_types", "integer_types", "string_types", "py_str"]


class MXNetError(RuntimeError):
    """The error MXNet's engine raises; a RuntimeError, as in MXNet."""


numeric_types = (float, int, np.generic, numbers.Number)
integer_types = (int, np.integer)
string_types = (str,)


def incompatible_attr(index: int, expected: str, got: str, where: str = "input") -> MXNetError:
    """MXNet's shape/dtype inference mismatch error (two spaces after "node", as MXNet)."""
    return MXNetError(f"Check failed: assign(&dattr, vec.at(i)): Incompatible attr in node  "
                      f"at {index}-th {where}: expected {expected}, got {got}")


def py_str(x):
    return x.decode("utf-8") if isinstance(x, bytes) else x
