"""Image transforms as Gluon blocks (``Compose`` is a ``Sequential``).

The hybrid transforms call the ``_image_*`` operators (``mx.nd.image``), so they also run
inside a hybridized block; their random ones draw from mxcompat's random source.
"""
from __future__ import annotations

import numpy as np

from ....base import MXNetError, numeric_types
from ....ops import image as _imops
from ....image import image as _image
from ...block import Block, HybridBlock
from ...nn import HybridSequential, Sequential

__all__ = ["Compose", "Cast", "ToTensor", "Normalize", "RandomResizedCrop", "CropResize",
           "CenterCrop", "Resize", "RandomFlipLeftRight", "RandomFlipTopBottom",
           "RandomBrightness", "RandomContrast", "RandomSaturation", "RandomHue",
           "RandomColorJitter", "RandomLighting", "RandomApply"]


def _op(name: str):
    return _imops.op(name)


class Compose(Sequential):
    """Applies the transforms in order; runs of hybrid transforms are grouped into one
    hybridized ``HybridSequential``."""

    def __init__(self, transforms: list):
        super().__init__()
        transforms.append(None)   # MXNet appends this marker to the caller's list too
        run = []
        for t in transforms:
            if isinstance(t, HybridBlock):
                run.append(t)
                continue
            if len(run) == 1:
                self.add(run[0])
            elif len(run) > 1:
                group = HybridSequential()
                for r in run:
                    group.add(r)
                group.hybridize()
                self.add(group)
            run = []
            if t is not None:
                self.add(t)


class Cast(HybridBlock):
    """Cast to ``dtype`` (default float32)."""

    def __init__(self, dtype="float32"):
        super().__init__()
        self._dtype = dtype

    def hybrid_forward(self, F, x):
        return F.cast(x, self._dtype)


class ToTensor(HybridBlock):
    """HWC (or NHWC) image in [0, 255] -> float32 CHW (or NCHW) in [0, 1]."""

    def hybrid_forward(self, F, x):
        return _op("to_tensor")(x)


class Normalize(HybridBlock):
    """``(x - mean[c]) / std[c]`` per channel of a CHW / NCHW tensor."""

    def __init__(self, mean=0.0, std=1.0):
        super().__init__()
        self._mean = mean
        self._std = std

    def hybrid_forward(self, F, x):
        return _op("normalize")(x, mean=self._mean, std=self._std)


class RandomResizedCrop(Block):
    """A crop of random area (``scale``) and aspect ratio (``ratio``) resized to ``size``."""

    def __init__(self, size, scale=(0.08, 1.0), ratio=(3.0 / 4.0, 4.0 / 3.0), interpolation=1):
        super().__init__()
        if isinstance(size, numeric_types):
            size = (size, size)
        self._args = (size, scale, ratio, interpolation)

    def forward(self, x):
        return _image.random_size_crop(x, *self._args)[0]


class CropResize(HybridBlock):
    """Crop the box (x, y, width, height), then resize to ``size`` when given."""

    def __init__(self, x, y, width, height, size=None, interpolation=None):
        super().__init__()
        self._x, self._y, self._width, self._height = x, y, width, height
        self._size = size
        self._interpolation = interpolation

    def hybrid_forward(self, F, x):
        out = _op("crop")(x, self._x, self._y, self._width, self._height)
        if self._size:
            if self._interpolation is None:  # MXNet passes None on and fails
                raise MXNetError("Invalid Parameter format for interp expect int but "
                                 "value='None'")
            out = _op("resize")(out, self._size, False, self._interpolation)
        return out


class CenterCrop(Block):
    """The central crop of ``size`` (w, h), resized up when the image is smaller."""

    def __init__(self, size, interpolation=1):
        super().__init__()
        if isinstance(size, numeric_types):
            size = (size, size)
        self._args = (size, interpolation)

    def forward(self, x):
        return _image.center_crop(x, *self._args)[0]


class Resize(HybridBlock):
    """Resize to ``size`` (w, h); an int with ``keep_ratio`` sets the shorter side."""

    def __init__(self, size, keep_ratio=False, interpolation=1):
        super().__init__()
        self._keep = keep_ratio
        self._size = size
        self._interpolation = interpolation

    def hybrid_forward(self, F, x):
        return _op("resize")(x, self._size, self._keep, self._interpolation)


class RandomFlipLeftRight(HybridBlock):
    """Flip left-right with probability 0.5."""

    def hybrid_forward(self, F, x):
        return _op("random_flip_left_right")(x)


class RandomFlipTopBottom(HybridBlock):
    """Flip top-bottom with probability 0.5."""

    def hybrid_forward(self, F, x):
        return _op("random_flip_top_bottom")(x)


class _RandomFactor(HybridBlock):
    _kind = ""

    def __init__(self, amount):
        super().__init__()
        self._args = (max(0, 1 - amount), 1 + amount)

    def hybrid_forward(self, F, x):
        return _op("random_" + self._kind)(x, *self._args)


class RandomBrightness(_RandomFactor):
    """Scale brightness by a factor drawn from [max(0, 1 - b), 1 + b]."""
    _kind = "brightness"


class RandomContrast(_RandomFactor):
    """Blend with the mean grey level by a factor drawn from [max(0, 1 - c), 1 + c]."""
    _kind = "contrast"


class RandomSaturation(_RandomFactor):
    """Blend with grey by a factor drawn from [max(0, 1 - s), 1 + s]."""
    _kind = "saturation"


class RandomHue(_RandomFactor):
    """Shift the hue by a factor drawn from [max(0, 1 - h), 1 + h] (times 360 degrees)."""
    _kind = "hue"


class RandomColorJitter(HybridBlock):
    """Brightness, contrast, saturation and hue jitter in a random order."""

    def __init__(self, brightness=0, contrast=0, saturation=0, hue=0):
        super().__init__()
        self._args = (brightness, contrast, saturation, hue)

    def hybrid_forward(self, F, x):
        return _op("random_color_jitter")(x, *self._args)


class RandomLighting(HybridBlock):
    """AlexNet-style PCA lighting noise with standard deviation ``alpha``."""

    def __init__(self, alpha):
        super().__init__()
        self._alpha = alpha

    def hybrid_forward(self, F, x):
        return _op("random_lighting")(x, self._alpha)


class RandomApply(Sequential):
    """Apply ``transforms`` with probability ``p``."""

    def __init__(self, transforms, p=0.5):
        super().__init__()
        self.transforms = transforms
        self.p = p

    def forward(self, x):
        if self.p < float(_image._uniform01(1)[0]):
            return x
        return self.transforms(x)
