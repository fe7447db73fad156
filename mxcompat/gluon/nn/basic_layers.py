"""Containers and the basic layers: Sequential, HybridSequential, Dense, Dropout,
Activation, Flatten, Lambda, HybridLambda."""
from __future__ import annotations

from typing import Callable

import numpy as np

from ... import ndarray as nd
from ..block import Block, HybridBlock, _indent

__all__ = ["Sequential", "HybridSequential", "Dense", "Dropout", "Activation", "Flatten",
           "Lambda", "HybridLambda"]


def _children_repr(self) -> str:
    modstr = "\n".join("  ({key}): {block}".format(key=key, block=_indent(repr(block), 2))
                       for key, block in self._children.items())
    return "{name}(\n{modstr}\n)".format(name=self.__class__.__name__, modstr=modstr)


def _slice(self, key):
    layers = list(self._children.values())[key]
    if not isinstance(layers, list):
        return layers
    net = type(self)(prefix=self._prefix)
    with net.name_scope():
        net.add(*layers)
    return net


class Sequential(Block):
    """Runs its children one after another."""

    def __init__(self, prefix=None, params=None):
        super().__init__(prefix=prefix, params=params)

    def add(self, *blocks: Block) -> None:
        """Append blocks."""
        for block in blocks:
            self.register_child(block)

    def forward(self, x):
        # MXNet 1.x passes one value from layer to layer (a tuple output goes on whole)
        for block in self._children.values():
            x = block(x)
        return x

    __repr__ = _children_repr
    __getitem__ = _slice

    def __len__(self) -> int:
        return len(self._children)

    def hybridize(self, active: bool = True, **kwargs) -> None:
        """Hybridize the children (a Sequential of HybridBlocks is better as
        HybridSequential, as MXNet warns)."""
        if self._children and all(isinstance(c, HybridBlock) for c in self._children.values()):
            import warnings
            warnings.warn(
                "All children of this Sequential layer '%s' are HybridBlocks. Consider using "
                "HybridSequential for the best performance." % self.prefix, stacklevel=2)
        super().hybridize(active, **kwargs)


class HybridSequential(HybridBlock):
    """Runs its children one after another; compiles as one function when hybridized."""

    def __init__(self, prefix=None, params=None):
        super().__init__(prefix=prefix, params=params)

    def add(self, *blocks: HybridBlock) -> None:
        """Append blocks."""
        for block in blocks:
            self.register_child(block)

    def hybrid_forward(self, F, x):
        for block in self._children.values():
            x = block(x)
        return x

    __repr__ = _children_repr
    __getitem__ = _slice

    def __len__(self) -> int:
        return len(self._children)


class Dense(HybridBlock):
    """Fully connected layer: ``activation(dot(x, weight.T) + bias)``."""

    def __init__(self, units: int, activation: str | None = None, use_bias: bool = True,
                 flatten: bool = True, dtype="float32", weight_initializer=None,
                 bias_initializer="zeros", in_units: int = 0, **kwargs):
        super().__init__(**kwargs)
        self._flatten = flatten
        with self.name_scope():
            self._units = units
            self._in_units = in_units
            self.weight = self.params.get("weight", shape=(units, in_units),
                                          init=weight_initializer, dtype=dtype,
                                          allow_deferred_init=True)
            if use_bias:
                self.bias = self.params.get("bias", shape=(units,), init=bias_initializer,
                                            dtype=dtype, allow_deferred_init=True)
            else:
                self.bias = None
            if activation is not None:
                self.act = Activation(activation, prefix=activation + "_")
            else:
                self.act = None

    def infer_shape(self, x, *args) -> None:
        in_units = int(np.prod(x.shape[1:])) if self._flatten else int(x.shape[-1])
        self.weight.shape = (self._units, in_units)

    def hybrid_forward(self, F, x, weight, bias=None):
        out = F.FullyConnected(x, weight, bias, no_bias=bias is None, num_hidden=self._units,
                               flatten=self._flatten, name="fwd")
        if self.act is not None:
            out = self.act(out)
        return out

    def __repr__(self) -> str:
        shape = self.weight.shape
        return "{name}({layout}, {act})".format(
            name=self.__class__.__name__, act=self.act if self.act else "linear",
            layout="{0} -> {1}".format(shape[1] if shape[1] else None, shape[0]))


class Dropout(HybridBlock):
    """Zeroes elements with probability ``rate`` in training (scaling the rest)."""

    def __init__(self, rate: float, axes: tuple = (), **kwargs):
        super().__init__(**kwargs)
        self._rate = rate
        self._axes = axes

    def hybrid_forward(self, F, x):
        if self._rate > 0:
            return F.Dropout(x, p=self._rate, axes=self._axes, name="fwd", cudnn_off=False)
        return F.identity(x)

    def __repr__(self) -> str:
        return "{name}(p = {_rate}, axes={_axes})".format(name=self.__class__.__name__,
                                                          _rate=self._rate, _axes=self._axes)


class Activation(HybridBlock):
    """An elementwise activation (``relu``, ``sigmoid``, ``tanh``, ``softrelu``,
    ``softsign``)."""

    def __init__(self, activation: str, **kwargs):
        self._act_type = activation
        super().__init__(**kwargs)

    def _alias(self) -> str:
        return self._act_type

    def hybrid_forward(self, F, x):
        return F.Activation(x, act_type=self._act_type, name="fwd")

    def __repr__(self) -> str:
        return "{name}({_act_type})".format(name=self.__class__.__name__,
                                            _act_type=self._act_type)


class Flatten(HybridBlock):
    """Reshapes (N, d1, d2, ...) to (N, d1*d2*...)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)

    def hybrid_forward(self, F, x):
        return F.Flatten(x)

    def __repr__(self) -> str:
        return self.__class__.__name__


def _resolve(function, namespace_name: str, cls: str) -> Callable:
    if isinstance(function, str):
        assert hasattr(nd, function), \
            "Function name %s is not found in %s." % (function, namespace_name)
        return function
    if callable(function):
        return function
    raise ValueError("Unrecognized function in lambda: {} of type {}".format(
        function, type(function)))


class Lambda(Block):
    """Wraps a function (or the name of an ``mx.nd`` function) as a Block."""

    def __init__(self, function, prefix=None):
        super().__init__(prefix=prefix)
        f = _resolve(function, "ndarray", "Lambda")
        self._func_impl = getattr(nd, f) if isinstance(f, str) else f

    def forward(self, *args):
        return self._func_impl(*args)

    def __repr__(self) -> str:
        return "{name}({function})".format(name=self.__class__.__name__,
                                           function=self._func_impl.__name__)


class HybridLambda(HybridBlock):
    """Wraps ``function(F, *args)`` (or the name of an operator) as a HybridBlock."""

    def __init__(self, function, prefix=None):
        super().__init__(prefix=prefix)
        f = _resolve(function, "symbol/ndarray", "HybridLambda")
        if isinstance(f, str):
            self._func = lambda F, *args: getattr(F, f)(*args)
            self._func_name = f
        else:
            self._func = f
            self._func_name = f.__name__

    def hybrid_forward(self, F, x, *args):
        return self._func(F, x, *args)

    def __repr__(self) -> str:
        return "{name}({function})".format(name=self.__class__.__name__,
                                           function=self._func_name)
