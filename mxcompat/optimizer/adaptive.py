"""Adaptive-rate optimizers: Adam, Adamax, Nadam, AdaGrad, AdaDelta, RMSProp, Ftrl, FTML,
LAMB, and MXNet's ``Test`` optimizer."""
from __future__ import annotations

import math

import jax.numpy as jnp

from ..ndarray import zeros
from . import rules as R
from .base import RuleOptimizer, _aggregation_size, register, zeros_like_weight

__all__ = ["Adam", "Adamax", "Nadam", "AdaGrad", "AdaDelta", "RMSProp", "Ftrl", "FTML", "LAMB",
           "Test"]


def _f32_zeros(weight):
    """Zeros in the default dtype (float32), as MXNet's ``zeros(shape, ctx)``."""
    return zeros(weight.shape, weight.context)


@register
class Adam(RuleOptimizer):
    """Adam; the bias correction ``sqrt(1-beta2^t)/(1-beta1^t)`` is folded into the
    learning rate in Python, per index, as MXNet does."""

    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8,
                 lazy_update=True, **kwargs):
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.lazy_update = lazy_update

    def create_state(self, index, weight):
        return (zeros_like_weight(weight), zeros_like_weight(weight))

    def _prepare(self, index):
        lr, wd = self._count_lr_wd(index)
        t = self._index_update_count[index]
        lr *= math.sqrt(1.0 - self.beta2 ** t) / (1.0 - self.beta1 ** t)
        return {"lr": lr, "wd": wd, "rescale_grad": self.rescale_grad, "beta1": self.beta1,
                "beta2": self.beta2, "epsilon": self.epsilon}

    @staticmethod
    def _kernel(cfg, pst, w, g, state, sc):
        nw, m, v = R.adam(w, g, state[0], state[1], lr=sc["lr"], beta1=sc["beta1"],
                          beta2=sc["beta2"], epsilon=sc["epsilon"], wd=sc["wd"],
                          rescale_grad=sc["rescale_grad"], clip=cfg["clip"])
        return nw, (m, v)


@register
class AdaGrad(RuleOptimizer):
    """AdaGrad: ``history += g^2; weight -= lr*(g/sqrt(history + eps) + wd*weight)``."""

    def __init__(self, eps=1e-7, **kwargs):
        super().__init__(**kwargs)
        self.float_stable_eps = eps

    def create_state(self, index, weight):
        return _f32_zeros(weight)

    def _static(self):
        return (("clip", self._clip_py()),)

    def _prepare(self, index):
        lr, wd = self._count_lr_wd(index)
        return {"lr": lr, "wd": wd, "rescale_grad": self.rescale_grad,
                "eps": self.float_stable_eps}

    @staticmethod
    def _kernel(cfg, pst, w, g, hist, sc):
        return R.adagrad(w, g, hist, lr=sc["lr"], wd=sc["wd"], rescale_grad=sc["rescale_grad"],
                         clip=cfg["clip"], eps=sc["eps"])


@register
class RMSProp(RuleOptimizer):
    """RMSProp (Tieleman & Hinton), or the centered variant of Graves with
    ``centered=True``; ``clip_weights`` bounds the weights after each step."""

    def __init__(self, learning_rate=0.001, gamma1=0.9, gamma2=0.9, epsilon=1e-8,
                 centered=False, clip_weights=None, **kwargs):
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.gamma1 = gamma1
        self.gamma2 = gamma2
        self.centered = centered
        self.epsilon = epsilon
        self.clip_weights = clip_weights

    def create_state(self, index, weight):
        if self.centered:
            return (_f32_zeros(weight), _f32_zeros(weight), _f32_zeros(weight))
        return (_f32_zeros(weight),)

    def _static(self):
        cw = self.clip_weights if self.clip_weights else None
        if cw is not None and cw < 0:
            cw = None
        return (("clip", self._clip_cfg()), ("clip_weights", cw))

    def _prepare(self, index):
        lr, wd = self._count_lr_wd(index)
        return {"lr": lr, "wd": wd, "rescale_grad": self.rescale_grad, "gamma1": self.gamma1,
                "gamma2": self.gamma2 if self.centered else 0.9, "epsilon": self.epsilon}

    @staticmethod
    def _kernel(cfg, pst, w, g, state, sc):
        common = dict(lr=sc["lr"], gamma1=sc["gamma1"], epsilon=sc["epsilon"], wd=sc["wd"],
                      rescale_grad=sc["rescale_grad"], clip=cfg["clip"],
                      clip_weights=cfg["clip_weights"])
        if len(state) == 1:
            nw, n = R.rmsprop(w, g, state[0], **common)
            return nw, (n,)
        nw, n, gs, delta = R.rmspropalex(w, g, *state, gamma2=sc["gamma2"], **common)
        return nw, (n, gs, delta)


@register
class AdaDelta(RuleOptimizer):
    """AdaDelta (no learning rate). As in MXNet, the gradient array is rescaled in place."""

    _writes_grad = True

    def __init__(self, rho=0.9, epsilon=1e-5, **kwargs):
        super().__init__(**kwargs)
        self.rho = rho
        self.epsilon = epsilon

    def create_state(self, index, weight):
        return (_f32_zeros(weight), _f32_zeros(weight))

    def _static(self):
        return (("clip", self._clip_py()),)

    def _prepare(self, index):
        wd = self._get_wd(index)
        self._update_count(index)
        return {"wd": wd, "rescale_grad": self.rescale_grad, "rho": self.rho,
                "epsilon": self.epsilon}

    @staticmethod
    def _kernel(cfg, pst, w, g, state, sc):
        nw, acc_g, acc_d, rescaled = R.adadelta(
            w, g, state[0], state[1], rho=sc["rho"], epsilon=sc["epsilon"], wd=sc["wd"],
            rescale_grad=sc["rescale_grad"], clip=cfg["clip"])
        return nw, (acc_g, acc_d), rescaled


@register
class Ftrl(RuleOptimizer):
    """FTRL-proximal (McMahan et al.) with L1 strength ``lamda1`` and ``beta``."""

    def __init__(self, lamda1=0.01, learning_rate=0.1, beta=1, **kwargs):
        super().__init__(**kwargs)
        self.lamda1 = lamda1
        self.beta = beta
        self.lr = learning_rate

    def create_state(self, index, weight):
        return (_f32_zeros(weight), _f32_zeros(weight))

    def _prepare(self, index):
        self._update_count(index)
        wd = self._get_wd(index)
        lr = self._get_lr(index)
        return {"lr": lr, "wd": wd, "rescale_grad": self.rescale_grad,
                "lamda1": self.lamda1, "beta": self.beta}

    @staticmethod
    def _kernel(cfg, pst, w, g, state, sc):
        nw, z, n = R.ftrl(w, g, state[0], state[1], lr=sc["lr"], lamda1=sc["lamda1"],
                          beta=sc["beta"], wd=sc["wd"], rescale_grad=sc["rescale_grad"],
                          clip=cfg["clip"])
        return nw, (z, n)


@register
class Adamax(RuleOptimizer):
    """Adamax (infinity-norm Adam); lr divided by ``1 - beta1^t`` in Python."""

    def __init__(self, learning_rate=0.002, beta1=0.9, beta2=0.999, **kwargs):
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.beta1 = beta1
        self.beta2 = beta2

    def create_state(self, index, weight):
        return (zeros_like_weight(weight), zeros_like_weight(weight))

    def _static(self):
        return (("clip", self._clip_py()),)

    def _prepare(self, index):
        lr, wd = self._count_lr_wd(index)
        t = self._index_update_count[index]
        lr /= 1.0 - self.beta1 ** t
        return {"lr": lr, "wd": wd, "rescale_grad": self.rescale_grad, "beta1": self.beta1,
                "beta2": self.beta2}

    @staticmethod
    def _kernel(cfg, pst, w, g, state, sc):
        nw, m, u = R.adamax(w, g, state[0], state[1], lr=sc["lr"], beta1=sc["beta1"],
                            beta2=sc["beta2"], wd=sc["wd"], rescale_grad=sc["rescale_grad"],
                            clip=cfg["clip"])
        return nw, (m, u)


@register
class Nadam(RuleOptimizer):
    """Adam with Nesterov momentum and MXNet's momentum schedule. The schedule product
    ``m_schedule`` is one value shared by all parameters (multiplied at every update of any
    index), as in MXNet."""

    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8,
                 schedule_decay=0.004, **kwargs):
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.schedule_decay = schedule_decay
        self.m_schedule = 1.0

    def create_state(self, index, weight):
        return (zeros_like_weight(weight), zeros_like_weight(weight))

    def _static(self):
        return (("clip", self._clip_py()),)

    def _prepare(self, index):
        lr, wd = self._count_lr_wd(index)
        t = self._index_update_count[index]
        mom_t = self.beta1 * (1.0 - 0.5 * pow(0.96, t * self.schedule_decay))
        mom_t1 = self.beta1 * (1.0 - 0.5 * pow(0.96, (t + 1) * self.schedule_decay))
        self.m_schedule = self.m_schedule * mom_t
        m_schedule_next = self.m_schedule * mom_t1
        return {"lr": lr, "wd": wd, "rescale_grad": self.rescale_grad, "beta1": self.beta1,
                "beta2": self.beta2, "epsilon": self.epsilon, "mom_t": mom_t,
                "mom_t1": mom_t1, "den_g": 1.0 - self.m_schedule,
                "den_m": 1.0 - m_schedule_next, "den_v": 1.0 - pow(self.beta2, t)}

    @staticmethod
    def _kernel(cfg, pst, w, g, state, sc):
        nw, m, v = R.nadam(w, g, state[0], state[1], lr=sc["lr"], beta1=sc["beta1"],
                           beta2=sc["beta2"], epsilon=sc["epsilon"], wd=sc["wd"],
                           rescale_grad=sc["rescale_grad"], clip=cfg["clip"],
                           mom_t=sc["mom_t"], mom_t1=sc["mom_t1"], den_g=sc["den_g"],
                           den_m=sc["den_m"], den_v=sc["den_v"])
        return nw, (m, v)


@register
class FTML(RuleOptimizer):
    """Follow the moving leader (Zheng & Kwok, 2017)."""

    def __init__(self, beta1=0.6, beta2=0.999, epsilon=1e-8, **kwargs):
        super().__init__(**kwargs)
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon

    def create_state(self, index, weight):
        return (zeros_like_weight(weight), zeros_like_weight(weight),
                zeros_like_weight(weight))

    def _prepare(self, index):
        lr, wd = self._count_lr_wd(index)
        return {"lr": lr, "wd": wd, "rescale_grad": self.rescale_grad, "beta1": self.beta1,
                "beta2": self.beta2, "epsilon": self.epsilon,
                "t": self._index_update_count[index]}

    @staticmethod
    def _kernel(cfg, pst, w, g, state, sc):
        nw, d, v, z = R.ftml(w, g, *state, lr=sc["lr"], beta1=sc["beta1"], beta2=sc["beta2"],
                             epsilon=sc["epsilon"], t=sc["t"], wd=sc["wd"],
                             rescale_grad=sc["rescale_grad"], clip=cfg["clip"])
        return nw, (d, v, z)


def _bound(b):
    return b if b and b >= 0 else None


@register
class LAMB(RuleOptimizer):
    """LAMB (You et al., 2019): the Adam direction plus weight decay, scaled per layer by
    ``|w| / |direction|`` (``lower_bound``/``upper_bound`` bound ``|w|``)."""

    _wants_lp_weight = True

    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-6,
                 lower_bound=None, upper_bound=None, bias_correction=True, **kwargs):
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.lower_bound = lower_bound
        self.upper_bound = upper_bound
        self.bias_correction = bias_correction
        self.aggregate_num = max(1, min(45, _aggregation_size("45")))

    def create_state(self, index, weight):
        return (zeros_like_weight(weight), zeros_like_weight(weight))

    def _static(self):
        return (("clip", self._clip_cfg()),
                ("lower", _bound(self.lower_bound)), ("upper", _bound(self.upper_bound)),
                ("bias_correction", bool(self.bias_correction)))

    def _prepare(self, index):
        lr, wd = self._count_lr_wd(index)
        return {"lr": lr, "wd": wd, "rescale_grad": self.rescale_grad, "beta1": self.beta1,
                "beta2": self.beta2, "epsilon": self.epsilon,
                "t": self._index_update_count[index]}

    @staticmethod
    def _kernel(cfg, pst, w, g, state, sc, lp_weight=None):
        d, m, v = R.lamb_phase1(w, g, state[0], state[1], beta1=sc["beta1"],
                                beta2=sc["beta2"], epsilon=sc["epsilon"], t=sc["t"],
                                bias_correction=cfg["bias_correction"], wd=sc["wd"],
                                rescale_grad=sc["rescale_grad"], clip=cfg["clip"])
        # with a float32 master copy MXNet's aggregated update takes |w| of the float16
        # weight
        wn = w if lp_weight is None else lp_weight.astype(w.dtype)
        r1 = jnp.sqrt(jnp.sum(wn * wn))
        r2 = jnp.sqrt(jnp.sum(d * d))
        nw = R.lamb_phase2(w, d, r1, r2, lr=sc["lr"], lower_bound=cfg["lower"],
                           upper_bound=cfg["upper"])
        return nw, (m, v)


@register
class Test(RuleOptimizer):
    """MXNet's test optimizer: ``weight += rescale_grad * grad``; the state keeps a copy of
    the weight. It does not count updates."""

    def create_state(self, index, weight):
        return _f32_zeros(weight)

    def _prepare(self, index):
        return {"rescale_grad": self.rescale_grad}

    @staticmethod
    def _kernel(cfg, pst, w, g, state, sc):
        nw = R.plus_grad(w, g, rescale_grad=sc["rescale_grad"])
        return nw, nw
