"""dtype policy: MXNet's names and codes, float32 as the default, numpy type classes."""
from __future__ import annotations

from typing import Any

import ml_dtypes
import numpy as np

bfloat16 = np.dtype(ml_dtypes.bfloat16)

DEFAULT = np.dtype(np.float32)

# MXNet's type flags (also the .params file codes).
DTYPE_TO_CODE = {
    np.dtype(np.float32): 0, np.dtype(np.float64): 1, np.dtype(np.float16): 2,
    np.dtype(np.uint8): 3, np.dtype(np.int32): 4, np.dtype(np.int8): 5,
    np.dtype(np.int64): 6, np.dtype(np.bool_): 7, bfloat16: 12,
}
CODE_TO_DTYPE = {v: k for k, v in DTYPE_TO_CODE.items()}

_BY_NAME = {str(d): d for d in DTYPE_TO_CODE}
_BY_NAME.update({"bool": np.dtype(np.bool_), "bfloat16": bfloat16})


def to_dtype(dtype: Any, default: np.dtype | None = DEFAULT) -> np.dtype:
    """Turn anything MXNet accepts as a dtype (None, a name, a numpy type) into np.dtype."""
    if dtype is None:
        return default
    if isinstance(dtype, np.dtype):
        return dtype
    if isinstance(dtype, str):
        found = _BY_NAME.get(dtype)
        if found is not None:
            return found
        return np.dtype(dtype)
    return np.dtype(dtype)


def type_class(dtype: np.dtype) -> type:
    """What ``NDArray.dtype`` returns: the numpy scalar type class (np.float32, ...)."""
    return dtype.type


def dtype_name(dtype: np.dtype) -> str:
    return "bool" if dtype == np.bool_ else str(dtype)
