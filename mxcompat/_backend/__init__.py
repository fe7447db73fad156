"""Layer 1: everything that knows how JAX is configured.

Importing this package switches JAX to 64-bit mode (MXNet supports float64 and int64
arrays; JAX would otherwise narrow them silently) and turns on JAX's persistent
compilation cache so a second run of a script starts fast. No other layer touches
``jax.config``.
"""
from __future__ import annotations

import os

import jax

jax.config.update("jax_enable_x64", True)
# float32 matrix products in full float32 precision, as MXNet computes them (JAX would use
# TF32 on recent GPUs: ~3e-4 relative error on an H200)
jax.config.update("jax_default_matmul_precision", "highest")
# the classic (non-partitionable) threefry: 2-5x faster random bits on XLA:CPU; the same
# seed still gives the same numbers on every backend
jax.config.update("jax_threefry_partitionable", False)


def _enable_compilation_cache() -> None:
    if os.environ.get("MXCOMPAT_NO_COMPILATION_CACHE"):
        return
    if jax.config.jax_compilation_cache_dir:  # the user configured one already
        return
    path = os.environ.get("MXCOMPAT_CACHE_DIR") or os.path.join(
        os.path.expanduser("~"), ".cache", "mxcompat", "jax")
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        return
    jax.config.update("jax_compilation_cache_dir", path)
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0)


_enable_compilation_cache()
