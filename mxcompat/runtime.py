"""``mx.runtime``: the build features this library reports (MXNet's feature names)."""
from __future__ import annotations

import collections

__all__ = ["Feature", "Features", "feature_list"]

_NAMES = ("CUDA", "CUDNN", "NCCL", "CUDA_RTC", "TENSORRT", "CPU_SSE", "CPU_SSE2", "CPU_SSE3",
          "CPU_SSE4_1", "CPU_SSE4_2", "CPU_SSE4A", "CPU_AVX", "CPU_AVX2", "OPENMP", "SSE",
          "F16C", "JEMALLOC", "BLAS_OPEN", "BLAS_ATLAS", "BLAS_MKL", "BLAS_APPLE", "LAPACK",
          "MKLDNN", "OPENCV", "CAFFE", "PROFILER", "DIST_KVSTORE", "CXX14", "INT64_TENSOR_SIZE",
          "SIGNAL_HANDLER", "DEBUG", "TVM_OP")


class Feature(collections.namedtuple("Feature", ["name", "enabled"])):
    """One named feature and whether it is available."""

    def __repr__(self) -> str:
        return f"{'✔' if self.enabled else '✖'} {self.name}"


def _gpu() -> bool:
    try:
        import jax
        return any(d.platform == "gpu" for d in jax.devices())
    except Exception:
        return False


def feature_list() -> list:
    """All features, in MXNet's order."""
    gpu = _gpu()
    on = {"CUDA": gpu, "CPU_SSE": True, "CPU_SSE2": True, "CPU_SSE3": True,
          "CPU_SSE4_1": True, "CPU_SSE4_2": True, "CPU_AVX": True, "LAPACK": True,
          "PROFILER": True, "CXX14": True, "SIGNAL_HANDLER": True, "INT64_TENSOR_SIZE": False}
    return [Feature(n, bool(on.get(n, False))) for n in _NAMES]


class Features(collections.OrderedDict):
    """Mapping feature name -> Feature; ``is_enabled(name)``."""

    def __init__(self):
        super().__init__((f.name, f) for f in feature_list())

    def __repr__(self) -> str:
        return str(list(self.values()))

    def is_enabled(self, feature_name: str) -> bool:
        name = feature_name.upper()
        if name not in self:
            raise RuntimeError(f"Feature '{feature_name}' is unknown, known features are: "
                               f"{list(self.keys())}")
        return self[name].enabled
