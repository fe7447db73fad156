"""DenseNet 121/161/169/201 (Huang et al. 2016) with MXNet's model-zoo structure."""
from __future__ import annotations

from ....context import cpu
from ... import nn
from ...block import HybridBlock
from ._common import DEFAULT_ROOT, HybridConcurrent, Identity, load_pretrained

__all__ = ["DenseNet", "densenet121", "densenet161", "densenet169", "densenet201",
           "get_densenet"]


def _dense_layer(growth_rate: int, bn_size: int, dropout: float) -> HybridConcurrent:
    """BN-ReLU-1x1 and BN-ReLU-3x3 convolutions whose output is concatenated to the
    input."""
    new = nn.HybridSequential(prefix="")
    new.add(nn.BatchNorm())
    new.add(nn.Activation("relu"))
    new.add(nn.Conv2D(bn_size * growth_rate, kernel_size=1, use_bias=False))
    new.add(nn.BatchNorm())
    new.add(nn.Activation("relu"))
    new.add(nn.Conv2D(growth_rate, kernel_size=3, padding=1, use_bias=False))
    if dropout:
        new.add(nn.Dropout(dropout))
    out = HybridConcurrent(axis=1, prefix="")
    out.add(Identity())
    out.add(new)
    return out


def _dense_block(num_layers: int, bn_size: int, growth_rate: int, dropout: float,
                 index: int) -> nn.HybridSequential:
    out = nn.HybridSequential(prefix="stage%d_" % index)
    with out.name_scope():
        for _ in range(num_layers):
            out.add(_dense_layer(growth_rate, bn_size, dropout))
    return out


def _transition(channels: int) -> nn.HybridSequential:
    out = nn.HybridSequential(prefix="")
    out.add(nn.BatchNorm())
    out.add(nn.Activation("relu"))
    out.add(nn.Conv2D(channels, kernel_size=1, use_bias=False))
    out.add(nn.AvgPool2D(pool_size=2, strides=2))
    return out


class DenseNet(HybridBlock):
    """Dense blocks of ``block_config`` layers growing by ``growth_rate`` channels each,
    halved by transitions between blocks."""

    def __init__(self, num_init_features: int, growth_rate: int, block_config,
                 bn_size: int = 4, dropout: float = 0, classes: int = 1000, **kwargs):
        super().__init__(**kwargs)
        with self.name_scope():
            self.features = nn.HybridSequential(prefix="")
            self.features.add(nn.Conv2D(num_init_features, kernel_size=7, strides=2,
                                        padding=3, use_bias=False))
            self.features.add(nn.BatchNorm())
            self.features.add(nn.Activation("relu"))
            self.features.add(nn.MaxPool2D(pool_size=3, strides=2, padding=1))
            channels = num_init_features
            for i, num_layers in enumerate(block_config):
                self.features.add(_dense_block(num_layers, bn_size, growth_rate, dropout,
                                               i + 1))
                channels += num_layers * growth_rate
                if i != len(block_config) - 1:
                    self.features.add(_transition(channels // 2))
                    channels //= 2
            self.features.add(nn.BatchNorm())
            self.features.add(nn.Activation("relu"))
            self.features.add(nn.AvgPool2D(pool_size=7))
            self.features.add(nn.Flatten())
            self.output = nn.Dense(classes)

    def hybrid_forward(self, F, x):
        return self.output(self.features(x))


# depth -> (initial features, growth rate, layers per dense block)
densenet_spec = {121: (64, 32, [6, 12, 24, 16]), 161: (96, 48, [6, 12, 36, 24]),
                 169: (64, 32, [6, 12, 32, 32]), 201: (64, 32, [6, 12, 48, 32])}


def get_densenet(num_layers: int, pretrained: bool = False, ctx=cpu(),
                 root: str = DEFAULT_ROOT, **kwargs) -> DenseNet:
    init, growth, config = densenet_spec[num_layers]
    return load_pretrained(DenseNet(init, growth, config, **kwargs),
                           "densenet%d" % num_layers, pretrained, ctx, root)


def _variant(depth: int):
    def make(**kwargs):
        return get_densenet(depth, **kwargs)
    make.__name__ = make.__qualname__ = "densenet%d" % depth
    return make


densenet121, densenet161, densenet169, densenet201 = (_variant(d)
                                                      for d in (121, 161, 169, 201))

MODELS = {f.__name__: f for f in (densenet121, densenet161, densenet169, densenet201)}
