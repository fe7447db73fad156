"""VGG 11/13/16/19 ("Very Deep Convolutional Networks", Simonyan & Zisserman 2014), with
or without BatchNorm, with MXNet's model-zoo structure and initialisers."""
from __future__ import annotations

from ....context import cpu
from ....initializer import Xavier
from ... import nn
from ...block import HybridBlock
from ._common import DEFAULT_ROOT, load_pretrained

__all__ = ["VGG", "vgg11", "vgg13", "vgg16", "vgg19", "vgg11_bn", "vgg13_bn", "vgg16_bn",
           "vgg19_bn", "get_vgg"]


class VGG(HybridBlock):
    """``layers[i]`` 3x3 convolutions of ``filters[i]`` channels per block, each block
    max-pooled, then two 4096-unit dense layers with dropout."""

    def __init__(self, layers, filters, classes: int = 1000, batch_norm: bool = False,
                 **kwargs):
        super().__init__(**kwargs)
        assert len(layers) == len(filters)
        with self.name_scope():
            self.features = nn.HybridSequential(prefix="")
            for count, channels in zip(layers, filters):
                for _ in range(count):
                    self.features.add(nn.Conv2D(
                        channels, kernel_size=3, padding=1,
                        weight_initializer=Xavier(rnd_type="gaussian", factor_type="out",
                                                  magnitude=2),
                        bias_initializer="zeros"))
                    if batch_norm:
                        self.features.add(nn.BatchNorm())
                    self.features.add(nn.Activation("relu"))
                self.features.add(nn.MaxPool2D(strides=2))
            for _ in range(2):
                self.features.add(nn.Dense(4096, activation="relu",
                                           weight_initializer="normal",
                                           bias_initializer="zeros"))
                self.features.add(nn.Dropout(rate=0.5))
            self.output = nn.Dense(classes, weight_initializer="normal",
                                   bias_initializer="zeros")

    def hybrid_forward(self, F, x):
        return self.output(self.features(x))


vgg_spec = {11: ([1, 1, 2, 2, 2], [64, 128, 256, 512, 512]),
            13: ([2, 2, 2, 2, 2], [64, 128, 256, 512, 512]),
            16: ([2, 2, 3, 3, 3], [64, 128, 256, 512, 512]),
            19: ([2, 2, 4, 4, 4], [64, 128, 256, 512, 512])}


def get_vgg(num_layers: int, pretrained: bool = False, ctx=cpu(), root: str = DEFAULT_ROOT,
            **kwargs) -> VGG:
    """VGG of depth ``num_layers`` (11, 13, 16, 19); ``batch_norm=True`` for the BN one."""
    layers, filters = vgg_spec[num_layers]
    net = VGG(layers, filters, **kwargs)
    key = "vgg%d%s" % (num_layers, "_bn" if kwargs.get("batch_norm") else "")
    return load_pretrained(net, key, pretrained, ctx, root)


def _variant(depth: int, bn: bool):
    def make(**kwargs):
        if bn:
            kwargs["batch_norm"] = True
        return get_vgg(depth, **kwargs)
    make.__name__ = make.__qualname__ = "vgg%d%s" % (depth, "_bn" if bn else "")
    make.__doc__ = "VGG-%d%s (keywords as ``get_vgg``)." % (depth, " with BatchNorm" if bn
                                                           else "")
    return make


vgg11, vgg13, vgg16, vgg19 = (_variant(d, False) for d in (11, 13, 16, 19))
vgg11_bn, vgg13_bn, vgg16_bn, vgg19_bn = (_variant(d, True) for d in (11, 13, 16, 19))

MODELS = {f.__name__: f for f in (vgg11, vgg13, vgg16, vgg19, vgg11_bn, vgg13_bn, vgg16_bn,
                                  vgg19_bn)}
