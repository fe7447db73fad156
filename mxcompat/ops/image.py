"""The ``_image_*`` operators (``mx.nd.image.*``) used by the vision transforms.

Self-contained (absolute imports), so that the file can also live in ``mxcompat/ops/``.
Random operators take a key from the one random source (``needs_key``).
"""
from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np

from mxcompat._backend import rng as _rng
from mxcompat.base import MXNetError
from mxcompat.ops.attrs import Bool, Float, FloatTuple, Int, Shape
from mxcompat.ops.registry import REGISTRY, register

_GREY = (0.299, 0.587, 0.114)


def _saturate(x, dtype):
    """Cast back to the image dtype; integer types truncate and clip, as MXNet's colour
    operators do."""
    dt = np.dtype(dtype)
    if np.issubdtype(dt, np.integer):
        info = np.iinfo(dt)
        return jnp.clip(jnp.trunc(x), info.min, info.max).astype(dt)
    return x.astype(dt)


def _to_tensor(data):
    """(H, W, C) or (N, H, W, C) in [0, 255] -> float32 (C, H, W) / (N, C, H, W) in [0, 1]."""
    x = data.astype(jnp.float32) / 255.0
    return jnp.moveaxis(x, -1, -3)


def _normalize(data, *, mean, std):
    """(x - mean[c]) / std[c] over the channel axis of (C, H, W) or (N, C, H, W)."""
    c = data.shape[-3]
    m = jnp.asarray(mean, jnp.float32)
    s = jnp.asarray(std, jnp.float32)
    m = jnp.broadcast_to(m, (c,)) if m.size == 1 else m
    s = jnp.broadcast_to(s, (c,)) if s.size == 1 else s
    return ((data - m[:, None, None]) / s[:, None, None]).astype(data.dtype)


def _check_normalize(arrays, attrs):
    x = arrays[0]
    if x.ndim not in (3, 4):
        raise MXNetError("Check failed: (dshape.ndim() == 3) || (dshape.ndim() == 4): Input "
                         "tensor must have shape (channels, height, width), or (N, channels, "
                         "height, width), but got %s" % (tuple(x.shape),))
    c = x.shape[-3]
    for name in ("mean", "std"):
        n = len(attrs[name])
        if n not in (1, c):
            raise MXNetError("Check failed: %s.ndim() == 1 || %s.ndim() == %d: Invalid %s "
                             "for input with %d channels." % (name, name, c, name, c))


def _resize(data, *, size, keep_ratio, interp):
    from mxcompat.image import _resize as rz
    h, w = int(data.shape[-3]), int(data.shape[-2])
    ow, oh = _target_size(tuple(size), keep_ratio, h, w)
    return rz.resize(data, ow, oh, interp)


def _target_size(size: tuple, keep_ratio: bool, h: int, w: int):
    if len(size) == 1:
        s = size[0]
        if not keep_ratio:
            return s, s
        if h > w:
            return s, int(h * s / w)
        return int(w * s / h), s
    return size[0], size[1]


def _crop(data, *, x, y, width, height):
    return data[..., y:y + height, x:x + width, :]


def _check_crop(arrays, attrs):
    d = arrays[0]
    h, w = d.shape[-3], d.shape[-2]
    if attrs["x"] + attrs["width"] > w or attrs["y"] + attrs["height"] > h:
        raise MXNetError("Check failed: crop region (x=%d, y=%d, width=%d, height=%d) "
                         "exceeds the image (height=%d, width=%d)"
                         % (attrs["x"], attrs["y"], attrs["width"], attrs["height"], h, w))


def _flip(data, axis):
    """Flip along ``axis``; for an odd size MXNet 1.9.1 leaves the middle row/column zero
    (a bug of its swap loop), reproduced here."""
    out = jnp.flip(data, axis=axis)
    n = data.shape[axis]
    if n % 2:
        idx = jnp.arange(n).reshape((-1,) + (1,) * (-axis - 1))
        out = jnp.where(idx == n // 2, jnp.zeros((), data.dtype), out)
    return out


def _uniform(key, lo, hi):
    return jax.random.uniform(_rng.as_key(key), (), jnp.float32, lo, hi)


def _brightness(x, alpha):
    return _saturate(x.astype(jnp.float32) * alpha, x.dtype)


def _contrast(x, alpha):
    f = x.astype(jnp.float32)
    grey = jnp.tensordot(f, jnp.asarray(_GREY, jnp.float32), axes=([-1], [0]))
    mean = jnp.mean(grey, axis=(-2, -1), keepdims=True)[..., None]
    return _saturate(f * alpha + mean * (1.0 - alpha), x.dtype)


def _saturation(x, alpha):
    # MXNet 1.9.1's saturation blends with 0.114 * B only (not the full luma): reproduced
    f = x.astype(jnp.float32)
    grey = f[..., 2:3] * jnp.float32(_GREY[2])
    return _saturate(f * alpha + grey * (1.0 - alpha), x.dtype)


def _hue(x, alpha):
    """Shift the hue by ``alpha * 360`` degrees in HLS space (as MXNet's random_hue)."""
    f = x.astype(jnp.float32) / 255.0
    r, g, b = f[..., 0], f[..., 1], f[..., 2]
    mx_ = jnp.maximum(jnp.maximum(r, g), b)
    mn = jnp.minimum(jnp.minimum(r, g), b)
    d = mx_ - mn
    l = (mx_ + mn) / 2
    grey = d == 0
    dd = jnp.where(grey, 1.0, d)
    s = jnp.where(l <= 0.5, d / jnp.where(grey, 1.0, mx_ + mn),
                  d / jnp.where(grey, 1.0, 2.0 - mx_ - mn))
    h = jnp.where(mx_ == r, (g - b) / dd, jnp.where(mx_ == g, 2.0 + (b - r) / dd,
                                                    4.0 + (r - g) / dd)) * 60.0
    h = jnp.where(grey, 0.0, h)
    h = jnp.mod(h + alpha * 360.0, 360.0)
    q = jnp.where(l <= 0.5, l * (1 + s), l + s - l * s)
    p = 2 * l - q

    def channel(t):
        t = jnp.mod(t, 360.0)
        return jnp.where(t < 60, p + (q - p) * t / 60,
                         jnp.where(t < 180, q, jnp.where(t < 240, p + (q - p) * (240 - t) / 60,
                                                         p)))

    out = jnp.stack([channel(h + 120), channel(h), channel(h - 120)], axis=-1)
    out = jnp.where(grey[..., None], f, out) * 255.0
    return _saturate(out, x.dtype)


_EIGVAL = np.array([55.46, 4.794, 1.148], np.float32)
_EIGVEC = np.array([[-0.5675, 0.7192, 0.4009], [-0.5808, -0.0045, -0.8140],
                    [-0.5836, -0.6948, 0.4203]], np.float32)


def _lighting(x, alpha):
    rgb = jnp.asarray(_EIGVEC) @ (alpha * jnp.asarray(_EIGVAL))
    return _saturate(x.astype(jnp.float32) + rgb, x.dtype)


def _register_all() -> None:
    if "_image_to_tensor" in REGISTRY:
        return
    register("_image_to_tensor", differentiable=False)(_to_tensor)
    register("_image_normalize", attrs={"mean": FloatTuple((0.0,)), "std": FloatTuple((1.0,))},
             check=_check_normalize)(_normalize)
    register("_image_resize", differentiable=False,
             attrs={"size": Shape(()), "keep_ratio": Bool(False), "interp": Int(1)})(_resize)
    register("_image_crop", attrs={"x": Int(), "y": Int(), "width": Int(), "height": Int()},
             check=_check_crop)(_crop)
    register("_image_flip_left_right")(lambda data: _flip(data, -2))
    register("_image_flip_top_bottom")(lambda data: _flip(data, -3))

    def rand_flip(axis):
        def fn(data, *, key):
            flip = jax.random.bernoulli(_rng.as_key(key), 0.5)
            return jnp.where(flip, _flip(data, axis), data)
        return fn

    register("_image_random_flip_left_right", needs_key=True)(rand_flip(-2))
    register("_image_random_flip_top_bottom", needs_key=True)(rand_flip(-3))
    factor = {"min_factor": Float(), "max_factor": Float()}
    for name, fn in (("brightness", _brightness), ("contrast", _contrast),
                     ("saturation", _saturation), ("hue", _hue)):
        def make(fn):
            def op(data, *, min_factor, max_factor, key):
                return fn(data, _uniform(key, min_factor, max_factor))
            return op
        register("_image_random_" + name, needs_key=True, differentiable=False,
                 attrs=dict(factor))(make(fn))

    def jitter(data, *, brightness, contrast, saturation, hue, key):
        k = _rng.as_key(key)
        ks = jax.random.split(k, 5)
        x = data
        steps = []
        if brightness > 0:
            steps.append(lambda x, kk: _brightness(
                x, _uniform(kk, max(0.0, 1 - brightness), 1 + brightness)))
        if contrast > 0:
            steps.append(lambda x, kk: _contrast(
                x, _uniform(kk, max(0.0, 1 - contrast), 1 + contrast)))
        if saturation > 0:
            steps.append(lambda x, kk: _saturation(
                x, _uniform(kk, max(0.0, 1 - saturation), 1 + saturation)))
        if hue > 0:
            steps.append(lambda x, kk: _hue(x, _uniform(kk, -hue, hue)))
        if not steps:
            return x
        order = jax.random.permutation(ks[4], len(steps))
        for pos in range(len(steps)):
            branches = [functools_partial(s, kk=ks[i]) for i, s in enumerate(steps)]
            x = jax.lax.switch(order[pos], branches, x)
        return x

    register("_image_random_color_jitter", needs_key=True, differentiable=False,
             attrs={"brightness": Float(), "contrast": Float(), "saturation": Float(),
                    "hue": Float()})(jitter)

    def adjust_lighting(data, *, alpha):
        return _lighting(data, jnp.asarray(alpha, jnp.float32))

    register("_image_adjust_lighting", differentiable=False,
             attrs={"alpha": FloatTuple()})(adjust_lighting)

    def random_lighting(data, *, alpha_std, key):
        a = jax.random.normal(_rng.as_key(key), (3,), jnp.float32) * alpha_std
        return _lighting(data, a)

    register("_image_random_lighting", needs_key=True, differentiable=False,
             attrs={"alpha_std": Float(0.05)})(random_lighting)


def functools_partial(fn, kk):
    return lambda x: fn(x, kk)


def install() -> None:
    """Register the operators and expose them as ``mx.nd.image.*`` (idempotent)."""
    _register_all()
    from mxcompat import ndarray as nd
    from mxcompat.ndarray import _frontend
    mod = nd._submodule("image") if not hasattr(nd, "image") else nd.image
    for name in REGISTRY:
        if name.startswith("_image_"):
            fn = _frontend.function_for(name)
            if not hasattr(mod, name[len("_image_"):]):
                setattr(mod, name[len("_image_"):], fn)
            if not hasattr(nd._internal, name):
                setattr(nd._internal, name, fn)


def op(name: str):
    """The ``mx.nd`` function of operator ``_image_<name>``."""
    install()
    from mxcompat.ndarray import _frontend
    return _frontend.function_for("_image_" + name)
