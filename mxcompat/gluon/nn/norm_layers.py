"""Normalisation layers: BatchNorm, BatchNormReLU, LayerNorm, InstanceNorm, GroupNorm.

Each calls the registry operator of the same name. BatchNorm's running statistics are
parameters with ``grad_req='null'``; the operator rebinds them in training mode (its
``mutate`` inputs), eagerly and inside a hybridized block alike.
"""
from __future__ import annotations

import numpy as np

from ..block import HybridBlock

__all__ = ["BatchNorm", "BatchNormReLU", "LayerNorm", "InstanceNorm", "GroupNorm"]


def _kwargs_repr(kwargs: dict) -> str:
    return ", ".join("{}={!r}".format(k, v) for k, v in kwargs.items())


class _BatchNorm(HybridBlock):
    """Batch normalisation over every axis but ``axis``; ``fuse_relu`` adds a ReLU."""

    def __init__(self, axis: int = 1, momentum: float = 0.9, epsilon: float = 1e-5,
                 center: bool = True, scale: bool = True, use_global_stats: bool = False,
                 fuse_relu: bool = False, beta_initializer="zeros", gamma_initializer="ones",
                 running_mean_initializer="zeros", running_variance_initializer="ones",
                 in_channels: int = 0, **kwargs):
        super().__init__(**kwargs)
        self._kwargs = {"axis": axis, "eps": epsilon, "momentum": momentum,
                        "fix_gamma": not scale, "use_global_stats": use_global_stats}
        self.fuse_relu = fuse_relu
        if in_channels != 0:
            self.in_channels = in_channels
        shape = (in_channels,)
        self.gamma = self.params.get("gamma", grad_req="write" if scale else "null",
                                     shape=shape, init=gamma_initializer,
                                     allow_deferred_init=True, differentiable=scale)
        self.beta = self.params.get("beta", grad_req="write" if center else "null",
                                    shape=shape, init=beta_initializer,
                                    allow_deferred_init=True, differentiable=center)
        self.running_mean = self.params.get("running_mean", grad_req="null", shape=shape,
                                            init=running_mean_initializer,
                                            allow_deferred_init=True, differentiable=False)
        self.running_var = self.params.get("running_var", grad_req="null", shape=shape,
                                           init=running_variance_initializer,
                                           allow_deferred_init=True, differentiable=False)

    def cast(self, dtype) -> None:
        """float16 keeps float32 statistics and scale (as MXNet)."""
        if np.dtype(dtype).name == "float16":
            dtype = "float32"
        super().cast(dtype)

    def infer_shape(self, x, *args) -> None:
        c = int(x.shape[self._kwargs["axis"]])
        for p in (self.gamma, self.beta, self.running_mean, self.running_var):
            p.shape = (c,)

    def hybrid_forward(self, F, x, gamma, beta, running_mean, running_var):
        out = F.BatchNorm(x, gamma, beta, running_mean, running_var, name="fwd",
                          **self._kwargs)
        if self.fuse_relu:
            out = F.relu(out)
        return out

    def __repr__(self) -> str:
        in_channels = self.gamma.shape[0]
        return "{name}({content}, in_channels={c})".format(
            name=self.__class__.__name__, content=_kwargs_repr(self._kwargs),
            c=in_channels if in_channels else None)


class BatchNorm(_BatchNorm):
    """Batch normalisation: ``gamma * (x - mean) / sqrt(var + eps) + beta`` per channel.

    Training mode uses the batch statistics and updates ``running_mean``/``running_var``
    as ``running * momentum + batch * (1 - momentum)``; predict mode (or
    ``use_global_stats``) uses the running statistics."""

    def __init__(self, axis: int = 1, momentum: float = 0.9, epsilon: float = 1e-5,
                 center: bool = True, scale: bool = True, use_global_stats: bool = False,
                 beta_initializer="zeros", gamma_initializer="ones",
                 running_mean_initializer="zeros", running_variance_initializer="ones",
                 in_channels: int = 0, **kwargs):
        super().__init__(axis=axis, momentum=momentum, epsilon=epsilon, center=center,
                         scale=scale, use_global_stats=use_global_stats, fuse_relu=False,
                         beta_initializer=beta_initializer,
                         gamma_initializer=gamma_initializer,
                         running_mean_initializer=running_mean_initializer,
                         running_variance_initializer=running_variance_initializer,
                         in_channels=in_channels, **kwargs)


class BatchNormReLU(_BatchNorm):
    """BatchNorm followed by ReLU (MXNet fuses the two; here they are two operators)."""

    def __init__(self, axis: int = 1, momentum: float = 0.9, epsilon: float = 1e-5,
                 center: bool = True, scale: bool = True, use_global_stats: bool = False,
                 beta_initializer="zeros", gamma_initializer="ones",
                 running_mean_initializer="zeros", running_variance_initializer="ones",
                 in_channels: int = 0, **kwargs):
        super().__init__(axis=axis, momentum=momentum, epsilon=epsilon, center=center,
                         scale=scale, use_global_stats=use_global_stats, fuse_relu=True,
                         beta_initializer=beta_initializer,
                         gamma_initializer=gamma_initializer,
                         running_mean_initializer=running_mean_initializer,
                         running_variance_initializer=running_variance_initializer,
                         in_channels=in_channels, **kwargs)


class _ScaleShiftNorm(HybridBlock):
    """A normalisation with per-channel ``gamma``/``beta`` of deferred length."""

    def __init__(self, kwargs: dict, center: bool, scale: bool, beta_initializer,
                 gamma_initializer, in_channels: int, prefix=None, params=None):
        super().__init__(prefix=prefix, params=params)
        self._kwargs = kwargs
        self.gamma = self.params.get("gamma", grad_req="write" if scale else "null",
                                     shape=(in_channels,), init=gamma_initializer,
                                     allow_deferred_init=True)
        self.beta = self.params.get("beta", grad_req="write" if center else "null",
                                    shape=(in_channels,), init=beta_initializer,
                                    allow_deferred_init=True)

    def infer_shape(self, x, *args) -> None:
        c = int(x.shape[self._axis])
        self.gamma.shape = (c,)
        self.beta.shape = (c,)

    def __repr__(self) -> str:
        return "{name}({content}, in_channels={c})".format(
            name=self.__class__.__name__, content=_kwargs_repr(self._kwargs),
            c=self.gamma.shape[0])


class LayerNorm(_ScaleShiftNorm):
    """Normalises each sample along ``axis`` (mean 0, variance 1), then scales and shifts
    by ``gamma``/``beta`` of that axis' length."""

    def __init__(self, axis: int = -1, epsilon: float = 1e-5, center: bool = True,
                 scale: bool = True, beta_initializer="zeros", gamma_initializer="ones",
                 in_channels: int = 0, prefix=None, params=None):
        super().__init__({"eps": epsilon, "axis": axis, "center": center, "scale": scale},
                         center, scale, beta_initializer, gamma_initializer, in_channels,
                         prefix=prefix, params=params)
        self._axis = axis
        self._epsilon = epsilon
        self._center = center
        self._scale = scale

    def hybrid_forward(self, F, data, gamma, beta):
        return F.LayerNorm(data, gamma=gamma, beta=beta, axis=self._axis, eps=self._epsilon)


class InstanceNorm(_ScaleShiftNorm):
    """Normalises each (sample, channel) over the remaining axes; the channel axis is
    ``axis``. ``scale`` defaults to False (gamma stays at its initial value)."""

    def __init__(self, axis: int = 1, epsilon: float = 1e-5, center: bool = True,
                 scale: bool = False, beta_initializer="zeros", gamma_initializer="ones",
                 in_channels: int = 0, **kwargs):
        super().__init__({"eps": epsilon, "axis": axis, "center": center, "scale": scale},
                         center, scale, beta_initializer, gamma_initializer, in_channels,
                         **kwargs)
        self._axis = axis
        self._epsilon = epsilon

    def hybrid_forward(self, F, x, gamma, beta):
        if self._axis == 1:
            return F.InstanceNorm(x, gamma, beta, name="fwd", eps=self._epsilon)
        x = F.swapaxes(x, dim1=1, dim2=self._axis)
        out = F.InstanceNorm(x, gamma, beta, name="fwd", eps=self._epsilon)
        return F.swapaxes(out, dim1=1, dim2=self._axis)


class GroupNorm(HybridBlock):
    """Normalises each group of channels per sample; ``gamma``/``beta`` have one entry
    per group (MXNet 1.x)."""

    def __init__(self, num_groups: int = 1, epsilon: float = 1e-5, center: bool = True,
                 scale: bool = True, beta_initializer="zeros", gamma_initializer="ones",
                 prefix=None, params=None):
        super().__init__(prefix=prefix, params=params)
        self._kwargs = {"eps": epsilon, "num_groups": num_groups, "center": center,
                        "scale": scale}
        self._num_groups = num_groups
        self._epsilon = epsilon
        self._center = center
        self._scale = scale
        self.gamma = self.params.get("gamma", grad_req="write" if scale else "null",
                                     shape=(num_groups,), init=gamma_initializer,
                                     allow_deferred_init=True)
        self.beta = self.params.get("beta", grad_req="write" if center else "null",
                                    shape=(num_groups,), init=beta_initializer,
                                    allow_deferred_init=True)

    def hybrid_forward(self, F, data, gamma, beta):
        return F.GroupNorm(data, gamma=gamma, beta=beta, num_groups=self._num_groups,
                           eps=self._epsilon)

    def __repr__(self) -> str:
        return "{name}({content})".format(name=self.__class__.__name__,
                                          content=_kwargs_repr(self._kwargs))
