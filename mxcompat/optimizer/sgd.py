"""SGD and its relatives: SGD, ccSGD, NAG, Signum, LARS, LBSGD, DCASGD, SGLD."""
from __future__ import annotations

import logging
import math

import numpy

from ..ndarray import NDArray, array, zeros
from . import rules as R
from .base import Optimizer, RuleOptimizer, _aggregation_size, _float16, register, \
    zeros_like_weight

__all__ = ["SGD", "ccSGD", "NAG", "Signum", "LARS", "LBSGD", "DCASGD", "SGLD"]


def _momentum_state(opt, weight):
    return zeros_like_weight(weight) if opt.momentum != 0.0 else None


class _MasterLast(RuleOptimizer):
    """Optimizers whose multi-precision state is ``(state, master)`` (SGD's layout)."""

    _master_first = False

    def create_state_multi_precision(self, index, weight):
        if self.multi_precision and _float16(weight):
            master = weight.astype(numpy.float32)
            return (self.create_state(index, master), master)
        if _float16(weight) and not self.multi_precision:
            self._warn_fp16()
        return self.create_state(index, weight)


def _sgd_step(cfg, w, g, mom, sc, lr):
    if mom is None:
        return R.sgd(w, g, lr=lr, wd=sc["wd"], rescale_grad=sc["rescale_grad"],
                     clip=cfg["clip"]), None
    return R.sgd_mom(w, g, mom, lr=lr, momentum=sc["momentum"], wd=sc["wd"],
                     rescale_grad=sc["rescale_grad"], clip=cfg["clip"])


@register
class SGD(_MasterLast):
    """Stochastic gradient descent with optional momentum and weight decay:
    ``mom = momentum*mom - lr*(clip(rescale_grad*grad) + wd*weight); weight += mom``."""

    _fp16_hint = "SGD optimizer"

    def __init__(self, momentum=0.0, lazy_update=True, **kwargs):
        super().__init__(**kwargs)
        self.momentum = momentum
        self.lazy_update = lazy_update
        self.aggregate_num = _aggregation_size("4")

    def create_state(self, index, weight):
        return _momentum_state(self, weight)

    def _scalars(self, lr, wd) -> dict:
        return {"lr": lr, "wd": wd, "rescale_grad": self.rescale_grad,
                "momentum": self.momentum if self.momentum > 0 else 0.0}

    def _prepare(self, index):
        lr, wd = self._count_lr_wd(index)
        return self._scalars(lr, wd)

    def _prepare_group(self, indices):
        self._update_count(indices)
        lrs, wds = self._get_lrs(indices), self._get_wds(indices)
        return [self._scalars(lr, wd) for lr, wd in zip(lrs, wds)]

    @staticmethod
    def _kernel(cfg, pst, w, g, mom, sc):
        return _sgd_step(cfg, w, g, mom, sc, sc["lr"])


@register
class ccSGD(SGD):  # noqa: N801 - MXNet's name
    """Deprecated alias of SGD kept by MXNet."""


@register
class NAG(_MasterLast):
    """Nesterov accelerated gradient (MXNet's ``nag_mom_update``)."""

    _fp16_hint = "NAG optimizer"

    def __init__(self, momentum=0.0, **kwargs):
        super().__init__(**kwargs)
        self.momentum = momentum

    def create_state(self, index, weight):
        return _momentum_state(self, weight)

    def _use_mp(self, weight, state):
        return bool(self.multi_precision) and _float16(weight) \
            and isinstance(state, (tuple, list))

    def _prepare(self, index):
        lr, wd = self._count_lr_wd(index)
        return {"lr": lr, "wd": wd, "rescale_grad": self.rescale_grad,
                "momentum": self.momentum if self.momentum > 0 else 0.0}

    @staticmethod
    def _kernel(cfg, pst, w, g, mom, sc):
        if mom is None:
            return R.sgd(w, g, lr=sc["lr"], wd=sc["wd"], rescale_grad=sc["rescale_grad"],
                         clip=cfg["clip"]), None
        return R.nag_mom(w, g, mom, lr=sc["lr"], momentum=sc["momentum"], wd=sc["wd"],
                         rescale_grad=sc["rescale_grad"], clip=cfg["clip"])


@register
class Signum(RuleOptimizer):
    """Sign of the momentum (or of the gradient without momentum), with decoupled weight
    decay ``wd_lh``."""

    def __init__(self, learning_rate=0.01, momentum=0.9, wd_lh=0.0, **kwargs):
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.momentum = momentum
        self.wd_lh = wd_lh

    def create_state(self, index, weight):
        return _momentum_state(self, weight)

    def _prepare(self, index):
        lr, wd = self._count_lr_wd(index)
        return {"lr": lr, "wd": wd, "rescale_grad": self.rescale_grad,
                "momentum": self.momentum if self.momentum > 0 else 0.0,
                "wd_lh": self.wd_lh if self.wd_lh else 0.0}

    @staticmethod
    def _kernel(cfg, pst, w, g, mom, sc):
        if mom is None:
            return R.signsgd(w, g, lr=sc["lr"], wd=sc["wd"]), None
        return R.signum(w, g, mom, lr=sc["lr"], momentum=sc["momentum"], wd=sc["wd"],
                        rescale_grad=sc["rescale_grad"], clip=cfg["clip"],
                        wd_lh=sc["wd_lh"])


def _lars_exempt(name: str) -> bool:
    return name.endswith("gamma") or name.endswith("beta") or name.endswith("bias")


@register
class LARS(_MasterLast):
    """SGD with layer-wise adaptive rate scaling: each layer's learning rate is scaled by
    ``eta*|w| / (|g|*rescale_grad + wd*|w| + eps)`` (biases and norm parameters excepted)."""

    _fp16_hint = "SGD optimizer"

    def __init__(self, momentum=0.0, lazy_update=True, eta=0.001, eps=0,
                 momentum_correction=True, **kwargs):
        super().__init__(**kwargs)
        self.momentum = momentum
        self.momentum_correction = momentum_correction
        self.lazy_update = lazy_update
        self.aggregate_num = _aggregation_size("4")
        self.eta = eta
        self.eps = eps
        self.skip = 0
        self.last_lr = None
        self.cur_lr = None

    def _get_lrs(self, indices):
        if self.cur_lr is not None:
            self.last_lr = self.cur_lr
        lr = self._base_lr()
        if self.cur_lr is None:
            self.last_lr = lr
        self.cur_lr = lr
        return self._apply_lr_mult(lr, indices)

    def _default_wd_mult(self, name):
        return name.endswith("_weight")

    def create_state(self, index, weight):
        return _momentum_state(self, weight)

    def _momentum_now(self) -> float:
        if self.momentum <= 0:
            return 0.0
        if self.momentum_correction and self.last_lr != 0:
            return self.momentum * (self.cur_lr / self.last_lr)
        return self.momentum

    def _scalars(self, lr, wd) -> dict:
        return {"lr": lr, "wd": wd, "rescale_grad": self.rescale_grad,
                "momentum": self._momentum_now(), "eta": self.eta, "eps": self.eps}

    def _prepare(self, index):
        self._update_count(index)
        lr, wd = self._get_lrs([index])[0], self._get_wd(index)
        return self._scalars(lr, wd)

    def _prepare_group(self, indices):
        self._update_count(indices)
        lrs, wds = self._get_lrs(indices), self._get_wds(indices)
        return [self._scalars(lr, wd) for lr, wd in zip(lrs, wds)]

    def _param_static(self, index):
        name = self.idx2name[index] if index in self.idx2name else str(index)
        return (_lars_exempt(name),)

    @staticmethod
    def _kernel(cfg, pst, w, g, mom, sc):
        import jax.numpy as jnp
        lr = jnp.asarray(sc["lr"], jnp.float32)
        if not pst[0]:
            lr = lr * R.lars_factor(w, g, eta=sc["eta"], eps=sc["eps"], wd=sc["wd"],
                                    rescale_grad=sc["rescale_grad"])
        return _sgd_step(cfg, w, g, mom, sc, lr)


@register
class LBSGD(Optimizer):
    """Large-batch SGD: gradients accumulated over ``batch_scale`` steps and a warm-up
    multiplier of the learning rate (linear, power2, sqrt or LARS-based)."""

    def __init__(self, momentum=0.0, multi_precision=False, warmup_strategy="linear",
                 warmup_epochs=5, batch_scale=1, updates_per_epoch=32, begin_epoch=0,
                 num_epochs=60, **kwargs):
        super().__init__(**kwargs)
        logging.info("Running Large-Batch SGD Algorithm")
        logging.info("(Batch_scale=%f, warmup_epochs=%d, warmup_strategy=%s, "
                     "updates_per_epoch=%d)", batch_scale, warmup_epochs, warmup_strategy,
                     updates_per_epoch)
        self.momentum = momentum
        self.multi_precision = multi_precision
        self.warmup_strategy = warmup_strategy
        self.warmup_epochs = warmup_epochs
        self.batch_scale = batch_scale
        self.updates_per_epoch = updates_per_epoch
        self.init_updates = begin_epoch * updates_per_epoch
        self.num_epochs = num_epochs
        self.lbmult = 1
        self.cumgrads: dict = {}
        self.adaptive = False
        self.admult = 1

    _fp16_hint = "SGD optimizer"

    def create_state(self, index, weight):
        if self.multi_precision and _float16(weight):
            master = array(weight, ctx=weight.context, dtype=numpy.float32)
            mom = zeros(weight.shape, weight.context, dtype=numpy.float32) \
                if self.momentum != 0.0 else None
            return (mom, master)
        if _float16(weight) and not self.multi_precision:
            self._warn_fp16()
        return _momentum_state(self, weight)

    def _get_lbmult(self, nup):
        """The warm-up multiplier of the learning rate after ``nup`` updates."""
        nwup = self.warmup_epochs * self.updates_per_epoch
        maxmult = float(self.batch_scale)
        if nup >= nwup:
            return maxmult
        if nwup <= 1:
            return 1.0
        if self.warmup_strategy == "linear":
            return 1.0 + (maxmult - 1) * nup / nwup
        if self.warmup_strategy == "power2":
            return 1.0 + (maxmult - 1) * (nup * nup) / (nwup * nwup)
        if self.warmup_strategy == "sqrt":
            return 1.0 + (maxmult - 1) * math.sqrt(float(nup) / nwup)
        return 1.0

    def _l2norm(self, v):
        """Sum of squares (MXNet's name for it)."""
        return (v * v).asnumpy().sum()

    def _get_lars(self, weight, g, wd):
        w2, g2 = self._l2norm(weight), self._l2norm(g)
        lars = math.sqrt(w2 / (g2 + wd * w2 + 1e-18))
        return min(max(lars, 0.01), 100)

    def _reset_cum_gradient(self, index):
        self.cumgrads[index]["cum_grad"] = 0

    def _get_cum_gradient(self, index):
        return self.cumgrads.get(index, {})

    def _put_cum_gradient(self, index, cgrad):
        self.cumgrads[index] = cgrad

    def _cumulate_gradient(self, grad, index):
        cgrad = self._get_cum_gradient(index)
        if cgrad and cgrad["num_cums"] > 0:
            cum_grad, num_cums = cgrad["cum_grad"] + grad, cgrad["num_cums"] + 1
        else:
            cum_grad, num_cums = grad, self.init_updates + 1
        cgrad = {"cum_grad": cum_grad, "num_cums": num_cums}
        self._put_cum_gradient(index, cgrad)
        return cgrad

    def update(self, index, weight, grad, state):
        from .. import ndarray as nd
        assert isinstance(weight, NDArray)
        assert isinstance(grad, NDArray)
        lr = self._get_lr(index)
        wd = self._get_wd(index)
        self._update_count(index)
        cgrad = self._cumulate_gradient(grad, index)
        if cgrad["num_cums"] % self.batch_scale == 0:
            grad = cgrad["cum_grad"] / self.batch_scale
            if self.warmup_strategy == "lars":
                lbmult = self._get_lars(weight, grad, wd)
            else:
                lbmult = self._get_lbmult(cgrad["num_cums"])
            lr = lr * lbmult
            kw = {"rescale_grad": self.rescale_grad}
            if self.momentum > 0:
                kw["momentum"] = self.momentum
            if self.clip_gradient:
                kw["clip_gradient"] = self.clip_gradient
            if not isinstance(state, (list, tuple)):
                if state is not None:
                    nd.sgd_mom_update(weight, grad, state, out=weight, lr=lr, wd=wd, **kw)
                else:
                    nd.sgd_update(weight, grad, out=weight, lr=lr, wd=wd, **kw)
            elif state[0] is not None:
                nd.mp_sgd_mom_update(weight, grad, state[0], state[1], out=weight, lr=lr,
                                     wd=wd, **kw)
            else:
                nd.mp_sgd_update(weight, grad, state[1], out=weight, lr=lr, wd=wd, **kw)
            self._reset_cum_gradient(index)
        else:
            nd.sgd_update(weight, grad, out=weight, lr=0.0, wd=wd)


@register
class DCASGD(RuleOptimizer):
    """Delay-compensated asynchronous SGD:
    ``weight -= lr*(g + wd*w + lamda*g*g*(w - previous_weight))`` (plus momentum)."""

    def __init__(self, momentum=0.0, lamda=0.04, **kwargs):
        super().__init__(**kwargs)
        self.momentum = momentum
        self.weight_previous: dict = {}
        self.lamda = lamda

    def create_state(self, index, weight):
        if self.momentum == 0.0:
            return (None, weight.copy())
        return (zeros_like_weight(weight), weight.copy())

    def _can_fuse(self):
        return self.momentum == 0.0

    def _check_state(self, state):
        # MXNet tests the momentum array's truth value (an error for more than one
        # element) and asserts momentum == 0 when it is false
        if not state[0]:
            assert self.momentum == 0.0

    def _static(self):
        return (("clip", self._clip_py()),)

    def _prepare(self, index):
        lr, wd = self._count_lr_wd(index)
        return {"lr": lr, "wd": wd, "rescale_grad": self.rescale_grad,
                "momentum": self.momentum, "lamda": self.lamda}

    @staticmethod
    def _kernel(cfg, pst, w, g, state, sc):
        mom, prev = state
        nw, nm, nprev = R.dcasgd(w, g, mom, prev, lr=sc["lr"], momentum=sc["momentum"],
                                 wd=sc["wd"], rescale_grad=sc["rescale_grad"],
                                 clip=cfg["clip"], lamda=sc["lamda"])
        return nw, (nm, nprev)


@register
class SGLD(Optimizer):
    """Stochastic gradient Langevin dynamics: a half SGD step plus Gaussian noise of
    variance lr (drawn from the one random source)."""

    def create_state(self, index, weight):
        return None

    def update(self, index, weight, grad, state):
        from .. import ndarray as nd
        assert isinstance(weight, NDArray)
        assert isinstance(grad, NDArray)
        self._update_count(index)
        lr = self._get_lr(index)
        wd = self._get_wd(index)
        grad = grad * self.rescale_grad
        if self.clip_gradient is not None:
            grad = nd.clip(grad, -self.clip_gradient, self.clip_gradient)
        weight[:] += -lr / 2 * (grad + wd * weight)
        weight[:] += nd.random.normal(0, math.sqrt(lr), shape=weight.shape,
                                      dtype=weight.dtype, ctx=weight.context)
