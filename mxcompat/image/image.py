"""``mx.image`` functions: decoding, resizing and cropping of HWC images (NDArray).

Decoding uses Pillow (MXNet used OpenCV); resizing follows OpenCV's rules (``_resize``).
Random crops draw from mxcompat's one random source.
"""
from __future__ import annotations

import math

import jax
import jax.numpy as jnp
import numpy as np

from .. import ndarray as nd
from .._backend import rng as _rng
from ..base import MXNetError, numeric_types
from ..ndarray.ndarray import NDArray, _wrap
from . import _codec, _resize

__all__ = ["imread", "imdecode", "imresize", "scale_down", "copyMakeBorder", "resize_short",
           "fixed_crop", "random_crop", "center_crop", "color_normalize", "random_size_crop"]


def _check_flag(flag) -> int:
    flag = int(flag)
    if flag < 0:
        raise MXNetError("value %d for Parameter flag should be greater equal to 0\nflag: "
                         "Convert decoded image to grayscale (0) or color (1)." % flag)
    return flag


def _finish(arr: np.ndarray, out: NDArray | None) -> NDArray:
    res = nd.array(arr, dtype=np.uint8)
    if out is not None:
        out._assign(res._array, "imdecode")
        return out
    return res


def imdecode(buf, flag: int = 1, to_rgb: bool = True, out: NDArray | None = None) -> NDArray:
    """Decode an image (bytes, bytearray, uint8 numpy or NDArray) to a uint8 HWC NDArray.

    ``flag=1``: 3 channels (RGB, or BGR with ``to_rgb=False``); ``flag=0``: 1 grey channel.
    """
    if isinstance(buf, NDArray):
        data = buf.asnumpy().astype(np.uint8).tobytes()
    elif isinstance(buf, (bytes, bytearray, np.ndarray)):
        data = np.frombuffer(buf, dtype=np.uint8).tobytes() if isinstance(buf, np.ndarray) \
            else bytes(buf)
    else:
        raise ValueError("buf must be of type bytes, bytearray or numpy.ndarray,"
                         "if you would like to input type str, please convert to bytes")
    flag = _check_flag(flag)
    try:
        arr = _codec.decode(data, flag, bool(to_rgb))
    except ValueError:
        raise MXNetError("Check failed: !res.empty(): Decoding failed. Invalid image file.") \
            from None
    return _finish(arr, out)


def imread(filename: str, flag: int = 1, to_rgb: bool = True,
           out: NDArray | None = None) -> NDArray:
    """Read and decode an image file (see ``imdecode``)."""
    flag = _check_flag(flag)
    try:
        with open(filename, "rb") as f:
            data = f.read()
    except OSError:
        raise MXNetError("Check failed: file.is_open(): Imread: '%s' couldn't open file: "
                         "No such file or directory" % filename) from None
    try:
        arr = _codec.decode(data, flag, bool(to_rgb))
    except ValueError:
        raise MXNetError("Check failed: !res.empty(): Decoding failed. Invalid image file.") \
            from None
    return _finish(arr, out)


def imresize(src: NDArray, w: int, h: int, interp: int = 1,
             out: NDArray | None = None) -> NDArray:
    """Resize an HWC image to width ``w`` and height ``h`` (OpenCV's interpolation codes:
    0 nearest, 1 bilinear, 2 bicubic, 3 area; 4 Lanczos is not implemented)."""
    res = _wrap(_resize.resize(src._array, int(w), int(h), int(interp)), src.context)
    if out is not None:
        out._assign(res._array, "imresize")
        return out
    return res


def scale_down(src_size: tuple, size: tuple) -> tuple:
    """Shrink ``size`` (w, h) to fit in ``src_size`` (w, h), keeping its aspect ratio."""
    w, h = size
    sw, sh = src_size
    if sh < h:
        w, h = float(w * sh) / h, sh
    if sw < w:
        w, h = sw, float(h * sw) / w
    return int(w), int(h)


_BORDER = {0: "constant", 1: "edge", 2: "symmetric", 4: "reflect"}


def copyMakeBorder(src: NDArray, top: int, bot: int, left: int, right: int, type: int = 0,
                   value: float = 0.0, values=(), out: NDArray | None = None) -> NDArray:
    """Pad an HWC image: type 0 constant (``value``/``values``), 1 replicate, 2 reflect,
    4 reflect-101."""
    mode = _BORDER.get(int(type))
    if mode is None:
        raise NotImplementedError("copyMakeBorder with border type %d" % type)
    x = src._array
    pad = ((int(top), int(bot)), (int(left), int(right)), (0, 0))
    if mode == "constant":
        c = x.shape[2]
        vals = list(values) if values else [value] * c
        if len(vals) == 1:
            vals = vals * c
        chans = [jnp.pad(x[:, :, i], pad[:2], constant_values=jnp.asarray(vals[i], x.dtype))
                 for i in range(c)]
        res = jnp.stack(chans, axis=2)
    else:
        res = jnp.pad(x, pad, mode=mode)
    res = _wrap(res, src.context)
    if out is not None:
        out._assign(res._array, "copyMakeBorder")
        return out
    return res


def _uniform01(n: int) -> np.ndarray:
    key = _rng.next_key(("cpu", 0))
    return np.asarray(_draw(key, n))


@jax.jit
def _draw_impl(key):
    return jax.random.uniform(_rng.as_key(key), (32,), jnp.float64)


def _draw(key, n):
    return np.asarray(_draw_impl(key))[:n]


def _randint(lo: int, hi: int) -> int:
    """An integer in [lo, hi] (both included), from the one random source."""
    return lo + min(int(_uniform01(1)[0] * (hi - lo + 1)), hi - lo)


def _get_interp_method(interp: int, sizes: tuple = ()) -> int:
    if interp == 9:
        if sizes:
            assert len(sizes) == 4
            oh, ow, nh, nw = sizes
            if nh > oh and nw > ow:
                return 2
            if nh < oh and nw < ow:
                return 3
            return 1
        return 2
    if interp == 10:
        return _randint(0, 4)
    if interp not in (0, 1, 2, 3, 4):
        raise ValueError("Unknown interp method %d" % interp)
    return interp


def resize_short(src: NDArray, size: int, interp: int = 2) -> NDArray:
    """Resize so that the shorter side is ``size``, keeping the aspect ratio."""
    h, w, _ = src.shape
    if h > w:
        new_h, new_w = size * h // w, size
    else:
        new_h, new_w = size, size * w // h
    return imresize(src, new_w, new_h, interp=_get_interp_method(interp, (h, w, new_h, new_w)))


def fixed_crop(src: NDArray, x0: int, y0: int, w: int, h: int, size=None,
               interp: int = 2) -> NDArray:
    """Crop ``src[y0:y0+h, x0:x0+w]``, then resize to ``size`` (w, h) if given."""
    out = src[y0:y0 + h, x0:x0 + w]
    if size is not None and (w, h) != size:
        sizes = (h, w, size[1], size[0])
        out = imresize(out, *size, interp=_get_interp_method(interp, sizes))
    return out


def random_crop(src: NDArray, size: tuple, interp: int = 2):
    """A random crop of ``size`` (w, h), shrunk to fit; returns (image, (x0, y0, w, h))."""
    h, w, _ = src.shape
    new_w, new_h = scale_down((w, h), size)
    x0 = _randint(0, w - new_w)
    y0 = _randint(0, h - new_h)
    return fixed_crop(src, x0, y0, new_w, new_h, size, interp), (x0, y0, new_w, new_h)


def center_crop(src: NDArray, size: tuple, interp: int = 2):
    """The central crop of ``size`` (w, h), shrunk to fit, resized to ``size``; returns
    (image, (x0, y0, w, h))."""
    h, w, _ = src.shape
    new_w, new_h = scale_down((w, h), size)
    x0 = int((w - new_w) / 2)
    y0 = int((h - new_h) / 2)
    return fixed_crop(src, x0, y0, new_w, new_h, size, interp), (x0, y0, new_w, new_h)


def color_normalize(src: NDArray, mean, std=None) -> NDArray:
    """``(src - mean) / std`` in place (as MXNet: ``src`` itself is modified)."""
    if mean is not None:
        src -= mean
    if std is not None:
        src /= std
    return src


def random_size_crop(src: NDArray, size: tuple, area, ratio: tuple, interp: int = 2,
                     **kwargs):
    """A crop of random area (fraction ``area``) and aspect ratio (in ``ratio``), resized to
    ``size``; after 10 failed tries, the center crop. Returns (image, (x0, y0, w, h))."""
    h, w, _ = src.shape
    src_area = h * w
    if "min_area" in kwargs:
        import warnings
        warnings.warn("`min_area` is deprecated. Please use `area` instead.",
                      DeprecationWarning)
        area = kwargs.pop("min_area")
    assert not kwargs, "unexpected keyword arguments for `random_size_crop`."
    if isinstance(area, numeric_types):
        area = (area, 1.0)
    for _ in range(10):
        u = _uniform01(2)
        target_area = (area[0] + (area[1] - area[0]) * u[0]) * src_area
        lr0, lr1 = math.log(ratio[0]), math.log(ratio[1])
        new_ratio = math.exp(lr0 + (lr1 - lr0) * u[1])
        new_w = int(round(math.sqrt(target_area * new_ratio)))
        new_h = int(round(math.sqrt(target_area / new_ratio)))
        if new_w <= w and new_h <= h:
            x0 = _randint(0, w - new_w)
            y0 = _randint(0, h - new_h)
            out = fixed_crop(src, x0, y0, new_w, new_h, size, interp)
            return out, (x0, y0, new_w, new_h)
    return center_crop(src, size, interp)
