"""Contrib layers: concatenating containers, Identity, SyncBatchNorm (single process),
pixel shuffles, and SparseEmbedding (needs row_sparse storage: not supported)."""
from __future__ import annotations

import warnings

from .... import context
from .... import ndarray as nd
from ...block import Block, HybridBlock
from ...nn import BatchNorm, HybridSequential, Sequential

__all__ = ["Concurrent", "HybridConcurrent", "Identity", "SparseEmbedding",
           "SyncBatchNorm", "PixelShuffle1D", "PixelShuffle2D", "PixelShuffle3D"]


class Concurrent(Sequential):
    """Feeds the same input to every child and concatenates their outputs on ``axis``."""

    def __init__(self, axis: int = -1, prefix=None, params=None):
        super().__init__(prefix=prefix, params=params)
        self.axis = axis

    def forward(self, x):
        return nd.concat(*[block(x) for block in self._children.values()], dim=self.axis)


class HybridConcurrent(HybridSequential):
    """Hybridizable Concurrent: every child sees the input; outputs joined on ``axis``."""

    def __init__(self, axis: int = -1, prefix=None, params=None):
        super().__init__(prefix=prefix, params=params)
        self.axis = axis

    def hybrid_forward(self, F, x):
        return F.concat(*[block(x) for block in self._children.values()], dim=self.axis)


class Identity(HybridBlock):
    """Returns its input unchanged (a placeholder branch in a Concurrent)."""

    def __init__(self, prefix=None, params=None):
        super().__init__(prefix=prefix, params=params)

    def hybrid_forward(self, F, x):
        return x


class SparseEmbedding(Block):
    """Embedding with a row_sparse weight and gradient. mxcompat has no sparse storage,
    so creating one raises NotImplementedError."""

    def __init__(self, input_dim: int, output_dim: int, dtype="float32",
                 weight_initializer=None, **kwargs):
        super().__init__(**kwargs)
        self._kwargs = {"input_dim": input_dim, "output_dim": output_dim, "dtype": dtype,
                        "sparse_grad": True}
        raise NotImplementedError("gluon.contrib.nn.SparseEmbedding needs row_sparse "
                                  "parameters, which mxcompat does not support; use "
                                  "gluon.nn.Embedding")

    def __repr__(self) -> str:
        return "{block_name}({input_dim} -> {output_dim}, {dtype})".format(
            block_name=self.__class__.__name__, **self._kwargs)


class SyncBatchNorm(BatchNorm):
    """Cross-device batch normalisation. mxcompat runs a single process on one device,
    where it computes exactly BatchNorm over ``axis=1``; ``num_devices`` is recorded."""

    def __init__(self, in_channels: int = 0, num_devices: int | None = None,
                 momentum: float = 0.9, epsilon: float = 1e-5, center: bool = True,
                 scale: bool = True, use_global_stats: bool = False,
                 beta_initializer="zeros", gamma_initializer="ones",
                 running_mean_initializer="zeros", running_variance_initializer="ones",
                 **kwargs):
        super().__init__(axis=1, momentum=momentum, epsilon=epsilon, center=center,
                         scale=scale, use_global_stats=use_global_stats,
                         beta_initializer=beta_initializer,
                         gamma_initializer=gamma_initializer,
                         running_mean_initializer=running_mean_initializer,
                         running_variance_initializer=running_variance_initializer,
                         in_channels=in_channels, **kwargs)
        if num_devices is None:
            warnings.warn("Caution using SyncBatchNorm: if not using all the GPUs, please "
                          "mannually set num_devices", UserWarning)
            num_devices = max(context.num_gpus(), 1)
        self._op_kwargs = {"axis": 1, "eps": epsilon, "momentum": momentum,
                           "fix_gamma": not scale, "use_global_stats": use_global_stats}
        # what MXNet passes to its operator (and prints)
        self._kwargs = {"eps": epsilon, "momentum": momentum, "fix_gamma": not scale,
                        "use_global_stats": use_global_stats, "ndev": num_devices,
                        "key": self.prefix}

    def infer_shape(self, x, *args) -> None:
        c = int(x.shape[1])
        for p in (self.gamma, self.beta, self.running_mean, self.running_var):
            p.shape = (c,)

    def hybrid_forward(self, F, x, gamma, beta, running_mean, running_var):
        return F.BatchNorm(x, gamma, beta, running_mean, running_var, name="fwd",
                           **self._op_kwargs)


def _factors(factor, n: int) -> tuple:
    try:
        return (int(factor),) * n
    except TypeError:
        out = tuple(int(f) for f in factor)
        assert len(out) == n, "wrong length {}".format(len(out))
        return out


class PixelShuffle1D(HybridBlock):
    """(N, C*f, W) -> (N, C, W*f): moves channel groups into the width."""

    def __init__(self, factor):
        super().__init__()
        self._factor = int(factor)

    def hybrid_forward(self, F, x):
        f = self._factor
        x = F.reshape(x, (0, -4, -1, f, 0))       # N, C, f, W
        x = F.transpose(x, (0, 1, 3, 2))          # N, C, W, f
        return F.reshape(x, (0, 0, -3))

    def __repr__(self) -> str:
        return "{}({})".format(self.__class__.__name__, self._factor)


class PixelShuffle2D(HybridBlock):
    """(N, C*f1*f2, H, W) -> (N, C, H*f1, W*f2)."""

    def __init__(self, factor):
        super().__init__()
        self._factors = _factors(factor, 2)

    def hybrid_forward(self, F, x):
        f1, f2 = self._factors
        x = F.reshape(x, (0, -4, -1, f1 * f2, 0, 0))  # N, C, f1*f2, H, W
        x = F.reshape(x, (0, 0, -4, f1, f2, 0, 0))    # N, C, f1, f2, H, W
        x = F.transpose(x, (0, 1, 4, 2, 5, 3))        # N, C, H, f1, W, f2
        return F.reshape(x, (0, 0, -3, -3))

    def __repr__(self) -> str:
        return "{}({})".format(self.__class__.__name__, self._factors)


class PixelShuffle3D(HybridBlock):
    """(N, C*f1*f2*f3, D, H, W) -> (N, C, D*f1, H*f2, W*f3)."""

    def __init__(self, factor):
        super().__init__()
        self._factors = _factors(factor, 3)

    def hybrid_forward(self, F, x):
        f1, f2, f3 = self._factors
        x = F.reshape(x, (0, -4, -1, f1 * f2 * f3, 0, 0, 0))   # N, C, f1f2f3, D, H, W
        x = F.reshape(x, (0, 0, -4, f1, f2 * f3, 0, 0, 0))     # N, C, f1, f2f3, D, H, W
        x = F.reshape(x, (0, 0, 0, -4, f2, f3, 0, 0, 0))       # N, C, f1, f2, f3, D, H, W
        x = F.transpose(x, (0, 1, 5, 2, 6, 3, 7, 4))           # N, C, D, f1, H, f2, W, f3
        return F.reshape(x, (0, 0, -3, -3, -3))

    def __repr__(self) -> str:
        return "{}({})".format(self.__class__.__name__, self._factors)
