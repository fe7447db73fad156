"""The ``Optimizer`` base class, the optimizer registry and ``create``.

Bookkeeping follows MXNet 1.9: per-index update counters (per device), ``num_update`` as
the largest count, learning rate from the scheduler or ``lr``, per-parameter multipliers
from ``param_dict`` (Gluon Parameters), ``lr_mult``/``wd_mult`` (by index or name) and the
Symbol's ``__lr_mult__``/``__wd_mult__`` attributes.

Built-in optimizers derive from ``RuleOptimizer``: they describe their step as a pure
function (``_kernel``) plus the per-step scalars computed in Python (``_prepare``), and
``update`` runs it through the compiled machinery of ``fused.py``.
"""
from __future__ import annotations

import os
import warnings
from typing import Any

import numpy

from ..ndarray import NDArray, zeros

__all__ = ["Optimizer", "RuleOptimizer", "register", "create"]


def _shown_module(klass) -> str:
    """Our classes are shown under MXNet's module names, as a legacy program expects."""
    mod = klass.__module__
    if mod == "mxcompat.optimizer.contrib":
        return "mxnet.optimizer.contrib"
    if mod.startswith("mxcompat.optimizer"):
        return "mxnet.optimizer.optimizer"
    if mod == "mxcompat" or mod.startswith("mxcompat."):
        return "mxnet" + mod[len("mxcompat"):]
    return mod


def _float16(weight: NDArray) -> bool:
    return weight.dtype == numpy.float16


class Optimizer:
    """Base class of all optimizers (MXNet's constructor arguments and bookkeeping)."""

    opt_registry: dict = {}

    def __init__(self, rescale_grad=1., param_idx2name=None, wd=0., clip_gradient=None,
                 learning_rate=None, lr_scheduler=None, sym=None, begin_num_update=0,
                 multi_precision=False, param_dict=None):
        self.rescale_grad = rescale_grad
        self.lr_scheduler = lr_scheduler
        if lr_scheduler is None and learning_rate is None:
            learning_rate = 0.01
        self.lr = learning_rate
        if lr_scheduler is not None and learning_rate is not None \
                and lr_scheduler.base_lr != learning_rate:
            # MXNet prints the warning object (it does not go through warnings.warn)
            print(UserWarning("learning rate from ``lr_scheduler`` has been overwritten by "
                              "``learning_rate`` in optimizer."))
            lr_scheduler.base_lr = learning_rate
        self.wd = wd
        self.lr_mult: dict = {}
        self.wd_mult: dict = {}
        self.begin_num_update = begin_num_update
        self.num_update = begin_num_update
        self._all_index_update_counts: dict = {0: {}}
        self._index_update_count = self._all_index_update_counts[0]
        self.clip_gradient = clip_gradient
        self.multi_precision = multi_precision
        self.aggregate_num = 0
        if param_idx2name is None:
            param_idx2name = {}
        assert isinstance(param_idx2name, dict), \
            "param_idx2name should be a dict of param indexes to names."
        self.idx2name = param_idx2name.copy()
        self.sym_info = (sym.attr_dict(), sym.list_arguments()) if sym is not None else ()
        self.param_dict = param_dict if param_dict else {}
        self.allow_np_array = False
        self.set_lr_mult({})
        self.set_wd_mult({})

    # -- registry ---------------------------------------------------------------
    @staticmethod
    def register(klass: type) -> type:
        """Class decorator: make ``klass`` available to ``create`` under its lowercase name."""
        assert isinstance(klass, type)
        name = klass.__name__.lower()
        old = Optimizer.opt_registry.get(name)
        if old is not None:
            warnings.warn(f"WARNING: New optimizer {_shown_module(klass)}.{klass.__name__} "
                          f"is overriding existing optimizer {_shown_module(old)}."
                          f"{old.__name__}")
        Optimizer.opt_registry[name] = klass
        return klass

    @staticmethod
    def create_optimizer(name: str, **kwargs) -> "Optimizer":
        """An instance of the optimizer registered as ``name`` (case-insensitive)."""
        klass = Optimizer.opt_registry.get(name.lower())
        if klass is None:
            raise ValueError(f"Cannot find optimizer {name}")
        return klass(**kwargs)

    # -- learning rate ----------------------------------------------------------
    @property
    def learning_rate(self) -> float:
        if self.lr_scheduler is not None:
            return self.lr_scheduler(self.num_update)
        return self.lr

    def set_learning_rate(self, lr: float) -> None:
        """Set the learning rate; MXNet refuses when a scheduler is attached."""
        if self.lr_scheduler is not None:
            raise UserWarning("LRScheduler of the optimizer has already been defined. Note "
                              "that set_learning_rate can mutate the value of the learning "
                              "rate of the optimizer only when the LRScheduler of the "
                              "optimizer is undefined.")
        self.lr = lr

    def set_lr_scale(self, args_lrscale):  # noqa: ARG002 - deprecated in MXNet
        """Deprecated in MXNet: use ``set_lr_mult``."""
        raise DeprecationWarning

    def set_lr_mult(self, args_lr_mult: dict) -> None:
        """Per-parameter learning-rate multipliers (keys: names or indices)."""
        self.lr_mult = {}
        if self.sym_info:
            attr, arg_names = self.sym_info
            for name in arg_names:
                if name in attr and "__lr_mult__" in attr[name]:
                    self.lr_mult[name] = float(attr[name]["__lr_mult__"])
        self.lr_mult.update(args_lr_mult)

    def _default_wd_mult(self, name: str) -> bool:
        """Whether ``name`` keeps weight decay when only names are known."""
        return name.endswith("_weight") or name.endswith("_gamma")

    def set_wd_mult(self, args_wd_mult: dict) -> None:
        """Per-parameter weight-decay multipliers; names not ending in ``_weight`` or
        ``_gamma`` (from ``param_idx2name``) get 0."""
        self.wd_mult = {}
        for n in self.idx2name.values():
            if not self._default_wd_mult(n):
                self.wd_mult[n] = 0.0
        if self.sym_info:
            attr, arg_names = self.sym_info
            for name in arg_names:
                if name in attr and "__wd_mult__" in attr[name]:
                    self.wd_mult[name] = float(attr[name]["__wd_mult__"])
        self.wd_mult.update(args_wd_mult)

    # -- counters ---------------------------------------------------------------
    def _set_current_context(self, device_id: int) -> None:
        """Use the update counters of device ``device_id``."""
        if device_id not in self._all_index_update_counts:
            self._all_index_update_counts[device_id] = {}
        self._index_update_count = self._all_index_update_counts[device_id]

    def _update_count(self, index) -> None:
        """Count one update of ``index`` (or of each index in a list)."""
        if not isinstance(index, (list, tuple)):
            index = [index]
        counts = self._index_update_count
        for idx in index:
            if idx not in counts:
                counts[idx] = self.begin_num_update
            counts[idx] += 1
            self.num_update = max(counts[idx], self.num_update)

    def _base_lr(self) -> float:
        if self.lr_scheduler is not None:
            return self.lr_scheduler(self.num_update)
        return self.lr

    def _apply_lr_mult(self, lr: float, indices) -> list:
        lrs = [lr for _ in indices]
        for i, index in enumerate(indices):
            if index in self.param_dict:
                lrs[i] *= self.param_dict[index].lr_mult
            elif index in self.lr_mult:
                lrs[i] *= self.lr_mult[index]
            elif index in self.idx2name:
                lrs[i] *= self.lr_mult.get(self.idx2name[index], 1.0)
        return lrs

    def _get_lrs(self, indices) -> list:
        """Learning rates of ``indices`` (scheduler or lr, times the multipliers)."""
        return self._apply_lr_mult(self._base_lr(), indices)

    def _get_lr(self, index) -> float:
        return self._get_lrs([index])[0]

    def _get_wds(self, indices) -> list:
        """Weight decays of ``indices`` (wd times the multipliers)."""
        wds = [self.wd for _ in indices]
        for i, index in enumerate(indices):
            if index in self.param_dict:
                wds[i] *= self.param_dict[index].wd_mult
            elif index in self.wd_mult:
                wds[i] *= self.wd_mult[index]
            elif index in self.idx2name:
                wds[i] *= self.wd_mult.get(self.idx2name[index], 1.0)
        return wds

    def _get_wd(self, index) -> float:
        return self._get_wds([index])[0]

    # -- states and updates -----------------------------------------------------
    def create_state(self, index, weight: NDArray) -> Any:
        """Auxiliary state for ``weight`` (None when the optimizer keeps none)."""
        return None

    _fp16_hint = "optimizer"

    def _warn_fp16(self) -> None:
        warnings.warn("Accumulating with float16 in optimizer can lead to poor accuracy or "
                      "slow convergence. Consider using multi_precision=True option of the "
                      f"{self._fp16_hint}")

    def create_state_multi_precision(self, index, weight: NDArray) -> Any:
        """``create_state``, plus a float32 master copy for float16 weights when
        ``multi_precision`` is set: ``(master, state)``."""
        if self.multi_precision and _float16(weight):
            master = weight.astype(numpy.float32)
            return (master,) + (self.create_state(index, master),)
        if _float16(weight) and not self.multi_precision:
            self._warn_fp16()
        return self.create_state(index, weight)

    def update(self, index, weight: NDArray, grad: NDArray, state: Any) -> None:
        """Update ``weight`` in place from ``grad`` and ``state``."""
        raise NotImplementedError()

    def update_multi_precision(self, index, weight: NDArray, grad: NDArray,
                               state: Any) -> None:
        """``update``, through the float32 master copy for float16 weights."""
        if self.multi_precision and _float16(weight):
            master, inner = state[0], state[1]
            self.update(index, master, grad.astype(numpy.float32), inner)
            master.astype(weight.dtype).copyto(weight)
        else:
            self.update(index, weight, grad, state)

    # -- pickling (param_dict stays out, as in MXNet) ----------------------------
    def __getstate__(self) -> dict:
        ret = self.__dict__.copy()
        del ret["param_dict"]
        return ret

    def __setstate__(self, state: dict) -> None:
        self.__dict__ = state
        self.param_dict = {}


register = Optimizer.register
create = Optimizer.create_optimizer


def _aggregation_size(default: str) -> int:
    return int(os.getenv("MXNET_OPTIMIZER_AGGREGATION_SIZE", default))


def zeros_like_weight(weight: NDArray, dtype=None) -> NDArray:
    """Zeros of the weight's shape on its context (the weight's dtype unless given)."""
    return zeros(weight.shape, weight.context,
                 dtype=weight.dtype if dtype is None else dtype)


class RuleOptimizer(Optimizer):
    """An optimizer whose step is a pure function, run compiled (see ``fused.py``).

    Subclasses define:

    * ``_static()`` - the hyper-parameters compiled into the step (a hashable tuple of
      (name, value) pairs); the default has only ``clip``.
    * ``_prepare(index)`` - count the update and return the per-index scalars (a dict of
      Python numbers: lr, wd, rescale_grad, ...), exactly in MXNet's order.
    * ``_kernel(cfg, pstatic, weight, grad, state, sc)`` - a staticmethod: the step on jax
      arrays; ``state`` has the structure ``create_state`` returned (arrays, None, tuples);
      returns ``(weight, state)`` (and the new gradient when ``_writes_grad``).
    * ``_param_static(index)`` - per-parameter compile-time facts (default ``()``).
    """

    _writes_grad = False
    _wants_lp_weight = False  # the kernel also receives the float16 weight (lp_weight=)
    _master_first = True  # (master, state) as in the base class; SGD keeps (state, master)

    def _clip_cfg(self):
        """Gradient clipping as MXNet's operators see it (``if clip_gradient:``)."""
        c = self.clip_gradient
        return c if c and c >= 0 else None

    def _clip_py(self):
        """Clipping as MXNet's Python optimizers apply it (``is not None``)."""
        return self.clip_gradient

    def _static(self) -> tuple:
        return (("clip", self._clip_cfg()),)

    def _param_static(self, index) -> tuple:
        return ()

    def _can_fuse(self) -> bool:
        return True

    def _check_state(self, state) -> None:
        """A hook run before an eager update (DCASGD's MXNet errors)."""

    def _count_lr_wd(self, index) -> tuple:
        self._update_count(index)
        return self._get_lr(index), self._get_wd(index)

    def _prepare(self, index) -> dict:
        lr, wd = self._count_lr_wd(index)
        return {"lr": lr, "wd": wd, "rescale_grad": self.rescale_grad}

    def _prepare_group(self, indices) -> list:
        """Scalars for a list-form update (``update([i, j], [w, v], ...)``)."""
        return [self._prepare(i) for i in indices]

    def _use_mp(self, weight: NDArray, state) -> bool:
        return bool(self.multi_precision) and _float16(weight)

    def _split_mp(self, state) -> tuple:
        """(master, inner state) of a multi-precision state."""
        return (state[0], state[1]) if self._master_first else (state[1], state[0])

    def update(self, index, weight, grad, state) -> None:
        from . import fused
        fused.apply(self, index, weight, grad, state, multi_precision=False)

    def update_multi_precision(self, index, weight, grad, state) -> None:
        from . import fused
        fused.apply(self, index, weight, grad, state, multi_precision=True)
