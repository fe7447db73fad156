"""Inception v3 (Szegedy et al. 2015) with MXNet's model-zoo structure (299x299 input)."""
from __future__ import annotations

from ....context import cpu
from ... import nn
from ...block import HybridBlock
from ._common import DEFAULT_ROOT, HybridConcurrent, load_pretrained

__all__ = ["Inception3", "inception_v3"]

_SETTING_NAMES = ("channels", "kernel_size", "strides", "padding")


def _basic_conv(**kwargs) -> nn.HybridSequential:
    out = nn.HybridSequential(prefix="")
    out.add(nn.Conv2D(use_bias=False, **kwargs))
    out.add(nn.BatchNorm(epsilon=0.001))
    out.add(nn.Activation("relu"))
    return out


def _branch(pool, *convs) -> nn.HybridSequential:
    """An optional pooling ('avg' 3x3/1 or 'max' 3x3/2) then one basic convolution per
    (channels, kernel, strides, padding) setting (None: the layer's default)."""
    out = nn.HybridSequential(prefix="")
    if pool == "avg":
        out.add(nn.AvgPool2D(pool_size=3, strides=1, padding=1))
    elif pool == "max":
        out.add(nn.MaxPool2D(pool_size=3, strides=2))
    for setting in convs:
        out.add(_basic_conv(**{k: v for k, v in zip(_SETTING_NAMES, setting)
                               if v is not None}))
    return out


def _mixed(prefix: str, *branches) -> HybridConcurrent:
    out = HybridConcurrent(axis=1, prefix=prefix)
    with out.name_scope():
        for make in branches:
            out.add(make())
    return out


def _make_A(pool_features: int, prefix: str):
    return _mixed(prefix,
                  lambda: _branch(None, (64, 1, None, None)),
                  lambda: _branch(None, (48, 1, None, None), (64, 5, None, 2)),
                  lambda: _branch(None, (64, 1, None, None), (96, 3, None, 1),
                                  (96, 3, None, 1)),
                  lambda: _branch("avg", (pool_features, 1, None, None)))


def _make_B(prefix: str):
    return _mixed(prefix,
                  lambda: _branch(None, (384, 3, 2, None)),
                  lambda: _branch(None, (64, 1, None, None), (96, 3, None, 1),
                                  (96, 3, 2, None)),
                  lambda: _branch("max"))


def _make_C(c7: int, prefix: str):
    return _mixed(prefix,
                  lambda: _branch(None, (192, 1, None, None)),
                  lambda: _branch(None, (c7, 1, None, None), (c7, (1, 7), None, (0, 3)),
                                  (192, (7, 1), None, (3, 0))),
                  lambda: _branch(None, (c7, 1, None, None), (c7, (7, 1), None, (3, 0)),
                                  (c7, (1, 7), None, (0, 3)), (c7, (7, 1), None, (3, 0)),
                                  (192, (1, 7), None, (0, 3))),
                  lambda: _branch("avg", (192, 1, None, None)))


def _make_D(prefix: str):
    return _mixed(prefix,
                  lambda: _branch(None, (192, 1, None, None), (320, 3, 2, None)),
                  lambda: _branch(None, (192, 1, None, None), (192, (1, 7), None, (0, 3)),
                                  (192, (7, 1), None, (3, 0)), (192, 3, 2, None)),
                  lambda: _branch("max"))


def _split_pair(first) -> nn.HybridSequential:
    """``first`` followed by parallel 1x3 and 3x1 convolutions (384 channels each)."""
    seq = nn.HybridSequential(prefix="")
    seq.add(first)
    split = HybridConcurrent(axis=1, prefix="")
    seq.add(split)
    split.add(_branch(None, (384, (1, 3), None, (0, 1))))
    split.add(_branch(None, (384, (3, 1), None, (1, 0))))
    return seq


def _make_E(prefix: str):
    out = HybridConcurrent(axis=1, prefix=prefix)
    with out.name_scope():
        out.add(_branch(None, (320, 1, None, None)))
        out.add(_split_pair(_branch(None, (384, 1, None, None))))
        out.add(_split_pair(_branch(None, (448, 1, None, None), (384, 3, None, 1))))
        out.add(_branch("avg", (192, 1, None, None)))
    return out


def make_aux(classes: int) -> nn.HybridSequential:
    """The auxiliary classifier head (not part of Inception3's forward)."""
    out = nn.HybridSequential(prefix="")
    out.add(nn.AvgPool2D(pool_size=5, strides=3))
    out.add(_basic_conv(channels=128, kernel_size=1))
    out.add(_basic_conv(channels=768, kernel_size=5))
    out.add(nn.Flatten())
    out.add(nn.Dense(classes))
    return out


class Inception3(HybridBlock):
    """Inception v3: stem convolutions, mixed blocks A1-A3, B, C1-C4, D, E1-E2."""

    def __init__(self, classes: int = 1000, **kwargs):
        super().__init__(**kwargs)
        with self.name_scope():
            self.features = nn.HybridSequential(prefix="")
            f = self.features
            f.add(_basic_conv(channels=32, kernel_size=3, strides=2))
            f.add(_basic_conv(channels=32, kernel_size=3))
            f.add(_basic_conv(channels=64, kernel_size=3, padding=1))
            f.add(nn.MaxPool2D(pool_size=3, strides=2))
            f.add(_basic_conv(channels=80, kernel_size=1))
            f.add(_basic_conv(channels=192, kernel_size=3))
            f.add(nn.MaxPool2D(pool_size=3, strides=2))
            f.add(_make_A(32, "A1_"))
            f.add(_make_A(64, "A2_"))
            f.add(_make_A(64, "A3_"))
            f.add(_make_B("B_"))
            for c7, name in ((128, "C1_"), (160, "C2_"), (160, "C3_"), (192, "C4_")):
                f.add(_make_C(c7, name))
            f.add(_make_D("D_"))
            f.add(_make_E("E1_"))
            f.add(_make_E("E2_"))
            f.add(nn.AvgPool2D(pool_size=8))
            f.add(nn.Dropout(0.5))
            self.output = nn.Dense(classes)

    def hybrid_forward(self, F, x):
        return self.output(self.features(x))


def inception_v3(pretrained: bool = False, ctx=cpu(), root: str = DEFAULT_ROOT,
                 **kwargs) -> Inception3:
    return load_pretrained(Inception3(**kwargs), "inceptionv3", pretrained, ctx, root)


MODELS = {"inceptionv3": inception_v3}
