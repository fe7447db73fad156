"""The one map between MXNet contexts and JAX devices.

* ``cpu(i)`` (and cpu_pinned/cpu_shared) is the host's i-th CPU device modulo the number of
  host devices: normally every id is the single host device, and with
  ``--xla_force_host_platform_device_count=N`` the ids spread over the simulated devices.
* ``gpu(i)`` is the i-th device of JAX's accelerator backend (GPU or TPU), so legacy
  ``mx.gpu()`` code runs on a TPU unchanged. ``tpu(i)`` names a TPU explicitly.
* Asking for an accelerator that is not there raises MXNetError, as MXNet does on a CPU build.
"""
from __future__ import annotations

import functools

import jax

from ..base import MXNetError

_CPU_TYPES = ("cpu", "cpu_pinned", "cpu_shared")


@functools.lru_cache(maxsize=None)
def _cpu_devices() -> tuple:
    return tuple(jax.devices("cpu"))


@functools.lru_cache(maxsize=None)
def accelerator_devices() -> tuple:
    """Devices of the default backend when it is an accelerator, else ()."""
    backend = jax.default_backend()
    if backend == "cpu":
        return ()
    return tuple(jax.devices())


@functools.lru_cache(maxsize=None)
def _tpu_devices() -> tuple:
    try:
        return tuple(jax.devices("tpu"))
    except RuntimeError:
        return ()


def num_accelerators() -> int:
    return len(accelerator_devices())


COPY = "<copy>"   # ``what`` of a copy between contexts (MXNet: "GPU is not enabled")


@functools.lru_cache(maxsize=None)
def device_for(device_type: str, device_id: int, what: str | None = None):
    """The jax.Device for a context; MXNetError when it does not exist here.

    ``what`` names the operator that asked (MXNet's message names it); None means a plain
    allocation (``nd.array``), for which MXNet says to compile with CUDA.
    """
    if device_type in _CPU_TYPES:
        devs = _cpu_devices()
        return devs[device_id % len(devs)]
    devs = accelerator_devices() if device_type == "gpu" else _tpu_devices()
    if not devs:
        if what == COPY:
            raise MXNetError("GPU is not enabled")
        if what is None:
            raise MXNetError(f"Compile with USE_CUDA=1 to enable GPU usage (mxcompat: JAX "
                             f"sees no {device_type.upper()} on this machine)")
        raise MXNetError(f"Operator {what} is not implemented for GPU.")
    if device_id >= len(devs):
        raise MXNetError(
            f"Check failed: device_id < num_devices: invalid {device_type} device id "
            f"{device_id}; this machine has {len(devs)}")
    return devs[device_id]


def context_args_for(device) -> tuple[str, int]:
    """(device_type, device_id) of the context that names a jax.Device."""
    if device.platform == "cpu":
        return "cpu", _cpu_devices().index(device)
    if device.platform == "tpu" and not accelerator_devices():
        return "tpu", _tpu_devices().index(device)
    return "gpu", accelerator_devices().index(device)
