"""Normalisation layers: BatchNorm, LayerNorm, InstanceNorm, GroupNorm, L2Normalization, LRN."""
from __future__ import annotations

import numpy as np
import jax.numpy as jnp
from jax import lax

from .._backend.dtypes import DTYPE_TO_CODE
from ..base import MXNetError
from .attrs import Bool, Enum, Float, Int, OptFloat
from .nn import (Double, NonNegInt, _acc_dtype, _channel_shape, _check_n_inputs, _dname,
                 _require_float, _shape_list, _shape_mismatch)
from .registry import register

# ============================================================================ BatchNorm

_BN_NAMES = ("data", "gamma", "beta", "moving_mean", "moving_var")


def _bn_check(arrays, attrs):
    _check_n_inputs("BatchNorm", arrays, 5)
    x = arrays[0]
    _require_float(x)
    want = np.dtype(np.float32) if np.dtype(x.dtype) == np.float16 else np.dtype(x.dtype)
    for name, a in zip(_BN_NAMES[1:], arrays[1:]):
        got = np.dtype(a.dtype)
        if got != want:
            raise MXNetError(
                f"Check failed: (*in_type)[i] == dtype_param ({DTYPE_TO_CODE.get(got, -1)} vs. "
                f"{DTYPE_TO_CODE.get(want, -1)}) : This layer requires uniform type. "
                f"Expected '{_dname(want)}' v.s. given '{_dname(a.dtype)}' at '{name}'")
    axis = attrs["axis"]
    ax = axis + x.ndim if axis < 0 else axis
    if not 0 <= ax < x.ndim:
        raise MXNetError(f"Check failed: channelAxis < dshape.ndim() ({ax} vs. {x.ndim}) : "
                         f"Channel axis out of range: {axis}")
    c = x.shape[ax]
    for a in arrays[1:]:
        if a.ndim != 1 or a.shape[0] < c:
            raise _shape_mismatch(a.shape, (c,), tuple_style=False)


def _bn_outputs(attrs):
    return 3 if attrs["output_mean_var"] else 1


@register("BatchNorm", _BN_NAMES,
          attrs={"eps": Double(1e-3), "momentum": Float(0.9), "fix_gamma": Bool(True),
                 "use_global_stats": Bool(False), "output_mean_var": Bool(False),
                 "axis": Int(1), "cudnn_off": Bool(False),
                 "min_calib_range": OptFloat(None), "max_calib_range": OptFloat(None)},
          num_outputs=_bn_outputs, same_dtype=False, check=_bn_check, train_aware=True,
          params=("gamma", "beta"), aux=("moving_mean", "moving_var"),
          mutate=("moving_mean", "moving_var"))
def _batch_norm(data, gamma, beta, moving_mean, moving_var, *, eps, momentum, fix_gamma,
                use_global_stats, output_mean_var, axis, cudnn_off, min_calib_range,
                max_calib_range, _train=False):
    """Batch normalisation over every axis but ``axis``.

    Training (and not use_global_stats): batch mean and biased variance normalise the data
    and update moving = moving*momentum + batch*(1-momentum). Otherwise the moving
    statistics normalise. fix_gamma uses gamma = 1. output_mean_var adds the mean and the
    inverse standard deviation that were used."""
    ax = axis % data.ndim
    c = data.shape[ax]
    acc = _acc_dtype(data.dtype)
    x = data.astype(acc)
    red = tuple(i for i in range(data.ndim) if i != ax)
    shp = _channel_shape(data.ndim, ax)
    g = jnp.ones((c,), acc) if fix_gamma else gamma[:c].astype(acc)
    b = beta[:c].astype(acc)
    mm, mv = moving_mean[:c], moving_var[:c]
    if _train and not use_global_stats:
        mean = jnp.mean(x, axis=red)
        var = jnp.mean(jnp.square(x - mean.reshape(shp)), axis=red)
        m = jnp.asarray(momentum, acc)
        new_mm = lax.stop_gradient(mm.astype(acc) * m + mean * (1 - m)).astype(moving_mean.dtype)
        new_mv = lax.stop_gradient(mv.astype(acc) * m + var * (1 - m)).astype(moving_var.dtype)
        if moving_mean.shape[0] != c:
            new_mm = moving_mean.at[:c].set(new_mm)
            new_mv = moving_var.at[:c].set(new_mv)
    else:
        mean, var = mm.astype(acc), mv.astype(acc)
        new_mm, new_mv = moving_mean, moving_var
    inv = lax.rsqrt(var + jnp.asarray(eps, acc))
    out = ((x - mean.reshape(shp)) * (inv * g).reshape(shp) + b.reshape(shp)).astype(data.dtype)
    if output_mean_var:
        pdt = gamma.dtype
        return out, mean.astype(pdt), inv.astype(pdt), new_mm, new_mv
    return out, new_mm, new_mv


# ============================================================================ LayerNorm

def _ln_check(arrays, attrs):
    _check_n_inputs("LayerNorm", arrays, 3)
    x = arrays[0]
    _require_float(x)
    axis = attrs["axis"]
    ax = axis + x.ndim if axis < 0 else axis
    if not 0 <= ax < x.ndim:
        raise MXNetError(f"Check failed: axis >= 0 && axis < dshape.ndim(): Channel axis out "
                         f"of range: axis={axis}")
    c = x.shape[ax]
    for a in arrays[1:]:
        if tuple(a.shape) != (c,):
            raise MXNetError(f"Shape inconsistent, Provided = {_shape_list(a.shape)}, inferred "
                             f"shape={_shape_list((c,))}")


def _ln_outputs(attrs):
    return 3 if attrs["output_mean_var"] else 1


@register("LayerNorm", ("data", "gamma", "beta"),
          attrs={"axis": Int(-1), "eps": Float(1e-5), "output_mean_var": Bool(False)},
          num_outputs=_ln_outputs, params=("gamma", "beta"), check=_ln_check)
def _layer_norm(data, gamma, beta, *, axis, eps, output_mean_var):
    """Normalise along ``axis``; output_mean_var adds the mean and the standard deviation
    sqrt(var + eps), both with ``axis`` kept as size 1."""
    ax = axis % data.ndim
    acc = _acc_dtype(data.dtype)
    x = data.astype(acc)
    mean = jnp.mean(x, axis=ax, keepdims=True)
    var = jnp.mean(jnp.square(x - mean), axis=ax, keepdims=True)
    std = jnp.sqrt(var + jnp.asarray(eps, acc))
    shp = _channel_shape(data.ndim, ax)
    out = (x - mean) / std * gamma.astype(acc).reshape(shp) + beta.astype(acc).reshape(shp)
    out = out.astype(data.dtype)
    if output_mean_var:
        return out, mean.astype(data.dtype), std.astype(data.dtype)
    return out


# ============================================================================ InstanceNorm

def _in_check(arrays, attrs):
    _check_n_inputs("InstanceNorm", arrays, 3)
    x = arrays[0]
    _require_float(x)
    if x.ndim < 3:
        raise MXNetError(f"Check failed: in_data[instance_norm::kData].ndim() >= 3 ({x.ndim} "
                         f"vs. 3) : InstanceNorm only supports input tensors of rank >= 3.")
    c = x.shape[1]
    for a in arrays[1:]:
        if a.size != c:
            raise MXNetError(f"Check failed: ishape.Size() == shape.Size() ({a.size * x.shape[0]}"
                             f" vs. {c * x.shape[0]}) : reshape size must match")


@register("InstanceNorm", ("data", "gamma", "beta"), attrs={"eps": Float(1e-3)},
          params=("gamma", "beta"), check=_in_check)
def _instance_norm(data, gamma, beta, *, eps):
    """Normalise each (sample, channel) over its spatial positions, then scale and shift
    per channel."""
    acc = _acc_dtype(data.dtype)
    x = data.astype(acc)
    red = tuple(range(2, data.ndim))
    mean = jnp.mean(x, axis=red, keepdims=True)
    var = jnp.mean(jnp.square(x - mean), axis=red, keepdims=True)
    shp = _channel_shape(data.ndim, 1)
    out = ((x - mean) * lax.rsqrt(var + jnp.asarray(eps, acc)) * gamma.astype(acc).reshape(shp)
           + beta.astype(acc).reshape(shp))
    return out.astype(data.dtype)


# ============================================================================ GroupNorm

def _gn_check(arrays, attrs):
    _check_n_inputs("GroupNorm", arrays, 3)
    x = arrays[0]
    _require_float(x)
    g = attrs["num_groups"]
    if x.ndim < 2:
        raise MXNetError(f"GroupNorm: data must have at least 2 dimensions, got "
                         f"{_shape_list(x.shape)}")
    if g <= 0 or x.shape[1] % g:
        raise MXNetError(f"Check failed: dshape[1] % num_groups == 0 "
                         f"({x.shape[1] % g if g > 0 else x.shape[1]} vs. 0) : # of channels "
                         f"must be divisible by # of groups")
    for a in arrays[1:]:
        if a.size != g:
            raise MXNetError(f"Check failed: this->shape_.Size() == shape.Size() ({a.size} vs. "
                             f"{g}) : Shape size mismatch {a.size} v.s. {g}")


def _gn_outputs(attrs):
    return 3 if attrs["output_mean_var"] else 1


@register("GroupNorm", ("data", "gamma", "beta"),
          attrs={"num_groups": Int(1), "eps": Float(1e-5), "output_mean_var": Bool(False)},
          num_outputs=_gn_outputs, params=("gamma", "beta"), check=_gn_check)
def _group_norm(data, gamma, beta, *, num_groups, eps, output_mean_var):
    """Normalise each group of channels (with its spatial positions) per sample; gamma and
    beta hold one value per group (MXNet 1.x). output_mean_var adds the mean and the
    standard deviation sqrt(var + eps), shaped (batch, num_groups)."""
    n = data.shape[0]
    acc = _acc_dtype(data.dtype)
    x = data.astype(acc).reshape((n, num_groups, -1))
    mean = jnp.mean(x, axis=2, keepdims=True)
    var = jnp.mean(jnp.square(x - mean), axis=2, keepdims=True)
    std = jnp.sqrt(var + jnp.asarray(eps, acc))
    y = (x - mean) / std * gamma.astype(acc).reshape((1, -1, 1)) \
        + beta.astype(acc).reshape((1, -1, 1))
    out = y.reshape(data.shape).astype(data.dtype)
    if output_mean_var:
        return out, mean[:, :, 0].astype(data.dtype), std[:, :, 0].astype(data.dtype)
    return out


# ============================================================================ L2Normalization

def _l2_check(arrays, attrs):
    x = arrays[0]
    _require_float(x)
    mode = attrs["mode"]
    if mode != "instance" and x.ndim < 3:
        raise MXNetError(f"Check failed: dshape.ndim() >= 3 ({x.ndim} vs. 3) : At lease 3 "
                         f"dimensions required in {mode} mode")


@register("L2Normalization",
          attrs={"eps": Float(1e-10),
                 "mode": Enum(("channel", "instance", "spatial"), "instance")},
          check=_l2_check)
def _l2_normalization(data, *, eps, mode):
    """x / sqrt(sum(x^2) + eps) over all axes but 0 ('instance'), over axis 1 ('channel')
    or over the axes after 1 ('spatial')."""
    if mode == "instance":
        red = tuple(range(1, data.ndim))
    elif mode == "channel":
        red = (1,)
    else:
        red = tuple(range(2, data.ndim))
    acc = _acc_dtype(data.dtype)
    x = data.astype(acc)
    norm = jnp.sqrt(jnp.sum(x * x, axis=red, keepdims=True) + jnp.asarray(eps, acc))
    return (x / norm).astype(data.dtype)


# ============================================================================ LRN

def _lrn_check(arrays, attrs):
    x = arrays[0]
    if x.ndim != 4:
        raise MXNetError(f"Check failed: dim == ndim() (4 vs. {x.ndim}) : dimension do not "
                         f"match target dimension 4 vs {x.ndim}")
    _require_float(x)


@register("LRN",
          attrs={"alpha": Float(1e-4), "beta": Float(0.75), "knorm": Float(2.0),
                 "nsize": NonNegInt()},
          check=_lrn_check)
def _lrn(data, *, alpha, beta, knorm, nsize):
    """Local response normalisation across channels:
    x / (knorm + alpha/nsize * sum of x^2 over nsize neighbouring channels)^beta."""
    acc = _acc_dtype(data.dtype)
    x = data.astype(acc)
    half = (nsize - 1) // 2   # an even nsize sums nsize-1 channels, as MXNet's MKL-DNN LRN
    sq = lax.reduce_window(x * x, np.zeros((), acc), lax.add, (1, 2 * half + 1, 1, 1),
                           (1, 1, 1, 1), [(0, 0), (half, half), (0, 0), (0, 0)])
    scale = jnp.asarray(knorm, acc) + jnp.asarray(alpha / nsize, acc) * sq
    return (x * jnp.power(scale, jnp.asarray(-beta, acc))).astype(data.dtype)
