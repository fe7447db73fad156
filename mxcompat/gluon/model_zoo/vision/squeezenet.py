"""SqueezeNet 1.0 and 1.1 (Iandola et al. 2016) with MXNet's model-zoo structure."""
from __future__ import annotations

from ....context import cpu
from ... import nn
from ...block import HybridBlock
from ._common import DEFAULT_ROOT, HybridConcurrent, load_pretrained

__all__ = ["SqueezeNet", "squeezenet1_0", "squeezenet1_1", "get_squeezenet"]


def _conv_relu(channels: int, kernel: int, padding: int = 0) -> nn.HybridSequential:
    out = nn.HybridSequential(prefix="")
    out.add(nn.Conv2D(channels, kernel, padding=padding))
    out.add(nn.Activation("relu"))
    return out


def _fire(squeeze: int, expand1x1: int, expand3x3: int) -> nn.HybridSequential:
    """A fire module: 1x1 squeeze, then 1x1 and 3x3 expansions concatenated."""
    out = nn.HybridSequential(prefix="")
    out.add(_conv_relu(squeeze, 1))
    paths = HybridConcurrent(axis=1, prefix="")
    paths.add(_conv_relu(expand1x1, 1))
    paths.add(_conv_relu(expand3x3, 3, 1))
    out.add(paths)
    return out


def _pool() -> nn.MaxPool2D:
    return nn.MaxPool2D(pool_size=3, strides=2, ceil_mode=True)


class SqueezeNet(HybridBlock):
    """SqueezeNet ``version`` '1.0' or '1.1'."""

    def __init__(self, version: str, classes: int = 1000, **kwargs):
        super().__init__(**kwargs)
        assert version in ["1.0", "1.1"], ("Unsupported SqueezeNet version {version}:"
                                           "1.0 or 1.1 expected".format(version=version))
        with self.name_scope():
            self.features = nn.HybridSequential(prefix="")
            f = self.features
            if version == "1.0":
                f.add(nn.Conv2D(96, kernel_size=7, strides=2))
                f.add(nn.Activation("relu"))
                layout = [_pool, (16, 64), (16, 64), (32, 128), _pool, (32, 128), (48, 192),
                          (48, 192), (64, 256), _pool, (64, 256)]
            else:
                f.add(nn.Conv2D(64, kernel_size=3, strides=2))
                f.add(nn.Activation("relu"))
                layout = [_pool, (16, 64), (16, 64), _pool, (32, 128), (32, 128), _pool,
                          (48, 192), (48, 192), (64, 256), (64, 256)]
            for item in layout:
                f.add(item() if callable(item) else _fire(item[0], item[1], item[1]))
            f.add(nn.Dropout(0.5))
            self.output = nn.HybridSequential(prefix="")
            self.output.add(nn.Conv2D(classes, kernel_size=1))
            self.output.add(nn.Activation("relu"))
            self.output.add(nn.AvgPool2D(13))
            self.output.add(nn.Flatten())

    def hybrid_forward(self, F, x):
        return self.output(self.features(x))


def get_squeezenet(version: str, pretrained: bool = False, ctx=cpu(),
                   root: str = DEFAULT_ROOT, **kwargs) -> SqueezeNet:
    return load_pretrained(SqueezeNet(version, **kwargs), "squeezenet%s" % version,
                           pretrained, ctx, root)


def squeezenet1_0(**kwargs) -> SqueezeNet:
    return get_squeezenet("1.0", **kwargs)


def squeezenet1_1(**kwargs) -> SqueezeNet:
    return get_squeezenet("1.1", **kwargs)


MODELS = {"squeezenet1.0": squeezenet1_0, "squeezenet1.1": squeezenet1_1}
