"""MXNet's optimizer update operators (``mx.nd.sgd_update``, ``adam_update``, ...).

Each operator is a thin binding of a rule in ``mxcompat.optimizer.rules`` (the same function
the ``mx.optimizer`` classes use). The states an operator updates in place (momentum,
moments, the float32 master copy) are ``mutate`` inputs; the weight itself is written only
through ``out=`` (``out=weight`` is how MXNet's optimizers call them). Hyper-parameters that
change between steps (lr, wd, rescale_grad, t, ...) are dynamic attributes: changing them
never recompiles. None of these operators has a gradient.
"""
from __future__ import annotations

import jax.numpy as jnp

from .attrs import Bool, Float, Int
from .registry import register

__all__: list = []


class _Rules:
    """``mxcompat.optimizer.rules``, imported on first use: the optimizer package needs the
    NDArray layer, which is built after the operators are registered."""

    def __getattr__(self, name):
        from ..optimizer import rules
        return getattr(rules, name)


R = _Rules()


def _dyn(default=None):
    """A float hyper-parameter passed to the kernel as a traced value."""
    return Float(dynamic=True) if default is None else Float(default, dynamic=True)


def _clip(c):
    """MXNet's convention: a negative bound turns clipping off."""
    return None if c is None or c < 0 else c


_COMMON = {"wd": _dyn(0.0), "rescale_grad": _dyn(1.0), "clip_gradient": Float(-1.0)}


def _reg(name, inputs, attrs, mutate=(), **kw):
    return register(name, inputs, attrs=attrs, mutate=mutate, differentiable=False, **kw)


# ----------------------------------------------------------------------------- SGD family
@_reg("sgd_update", ("weight", "grad"),
      {"lr": _dyn(), **_COMMON, "lazy_update": Bool(True)})
def _sgd_update(weight, grad, *, lr, wd, rescale_grad, clip_gradient, lazy_update):
    """weight = (1 - lr*wd)*weight - lr*clip(rescale_grad*grad)."""
    return R.sgd(weight, grad, lr=lr, wd=wd, rescale_grad=rescale_grad,
                 clip=_clip(clip_gradient))


@_reg("sgd_mom_update", ("weight", "grad", "mom"),
      {"lr": _dyn(), "momentum": _dyn(0.0), **_COMMON, "lazy_update": Bool(True)},
      mutate=("mom",))
def _sgd_mom_update(weight, grad, mom, *, lr, momentum, wd, rescale_grad, clip_gradient,
                    lazy_update):
    """mom = momentum*mom - lr*wd*weight - lr*clip(rescale_grad*grad); weight += mom."""
    return R.sgd_mom(weight, grad, mom, lr=lr, momentum=momentum, wd=wd,
                     rescale_grad=rescale_grad, clip=_clip(clip_gradient))


@_reg("mp_sgd_update", ("weight", "grad", "weight32"),
      {"lr": _dyn(), **_COMMON, "lazy_update": Bool(True)},
      mutate=("weight32",), same_dtype=False)
def _mp_sgd_update(weight, grad, weight32, *, lr, wd, rescale_grad, clip_gradient,
                   lazy_update):
    """sgd_update on the float32 master copy; the weight receives its cast."""
    return R.mp_wrap(R.sgd, weight, grad, weight32, lr=lr, wd=wd, rescale_grad=rescale_grad,
                     clip=_clip(clip_gradient))


@_reg("mp_sgd_mom_update", ("weight", "grad", "mom", "weight32"),
      {"lr": _dyn(), "momentum": _dyn(0.0), **_COMMON, "lazy_update": Bool(True)},
      mutate=("mom", "weight32"), same_dtype=False)
def _mp_sgd_mom_update(weight, grad, mom, weight32, *, lr, momentum, wd, rescale_grad,
                       clip_gradient, lazy_update):
    """sgd_mom_update on the float32 master copy."""
    w, w32, m = R.mp_wrap(R.sgd_mom, weight, grad, weight32, mom, lr=lr, momentum=momentum,
                          wd=wd, rescale_grad=rescale_grad, clip=_clip(clip_gradient))
    return w, m, w32


@_reg("nag_mom_update", ("weight", "grad", "mom"),
      {"lr": _dyn(), "momentum": _dyn(0.0), **_COMMON}, mutate=("mom",))
def _nag_mom_update(weight, grad, mom, *, lr, momentum, wd, rescale_grad, clip_gradient):
    """Nesterov momentum step (MXNet's kernel, as called with out=weight)."""
    return R.nag_mom(weight, grad, mom, lr=lr, momentum=momentum, wd=wd,
                     rescale_grad=rescale_grad, clip=_clip(clip_gradient))


@_reg("mp_nag_mom_update", ("weight", "grad", "mom", "weight32"),
      {"lr": _dyn(), "momentum": _dyn(0.0), **_COMMON},
      mutate=("mom", "weight32"), same_dtype=False)
def _mp_nag_mom_update(weight, grad, mom, weight32, *, lr, momentum, wd, rescale_grad,
                       clip_gradient):
    """nag_mom_update on the float32 master copy."""
    w, w32, m = R.mp_wrap(R.nag_mom, weight, grad, weight32, mom, lr=lr, momentum=momentum,
                          wd=wd, rescale_grad=rescale_grad, clip=_clip(clip_gradient))
    return w, m, w32


@_reg("signsgd_update", ("weight", "grad"),
      {"lr": _dyn(), **_COMMON})
def _signsgd_update(weight, grad, *, lr, wd, rescale_grad, clip_gradient):
    """weight = (1 - lr*wd)*weight - lr*sign(grad)."""
    return R.signsgd(weight, grad, lr=lr, wd=wd)


@_reg("signum_update", ("weight", "grad", "mom"),
      {"lr": _dyn(), "momentum": _dyn(0.0), **_COMMON, "wd_lh": _dyn(0.0)}, mutate=("mom",))
def _signum_update(weight, grad, mom, *, lr, momentum, wd, rescale_grad, clip_gradient,
                   wd_lh):
    """mom = momentum*mom - (1-momentum)*(wd*weight + clip(rescale_grad*grad));
    weight = (1 - lr*wd_lh)*weight + lr*sign(mom)."""
    return R.signum(weight, grad, mom, lr=lr, momentum=momentum, wd=wd,
                    rescale_grad=rescale_grad, clip=_clip(clip_gradient), wd_lh=wd_lh)


# ----------------------------------------------------------------------------- adaptive
@_reg("adam_update", ("weight", "grad", "mean", "var"),
      {"lr": _dyn(), "beta1": _dyn(0.9), "beta2": _dyn(0.999), "epsilon": _dyn(1e-8),
       **_COMMON, "lazy_update": Bool(True)}, mutate=("mean", "var"))
def _adam_update(weight, grad, mean, var, *, lr, beta1, beta2, epsilon, wd, rescale_grad,
                 clip_gradient, lazy_update):
    """Adam step without bias correction (the optimizer folds it into lr)."""
    return R.adam(weight, grad, mean, var, lr=lr, beta1=beta1, beta2=beta2, epsilon=epsilon,
                  wd=wd, rescale_grad=rescale_grad, clip=_clip(clip_gradient))


@_reg("rmsprop_update", ("weight", "grad", "n"),
      {"lr": _dyn(), "gamma1": _dyn(0.95), "epsilon": _dyn(1e-8), **_COMMON,
       "clip_weights": Float(-1.0)}, mutate=("n",))
def _rmsprop_update(weight, grad, n, *, lr, gamma1, epsilon, wd, rescale_grad, clip_gradient,
                    clip_weights):
    """n = (1-gamma1)*g^2 + gamma1*n; weight -= lr*g/sqrt(n + epsilon)."""
    return R.rmsprop(weight, grad, n, lr=lr, gamma1=gamma1, epsilon=epsilon, wd=wd,
                     rescale_grad=rescale_grad, clip=_clip(clip_gradient),
                     clip_weights=_clip(clip_weights))


@_reg("rmspropalex_update", ("weight", "grad", "n", "g", "delta"),
      {"lr": _dyn(), "gamma1": _dyn(0.95), "gamma2": _dyn(0.9), "epsilon": _dyn(1e-8),
       **_COMMON, "clip_weights": Float(-1.0)}, mutate=("n", "g", "delta"))
def _rmspropalex_update(weight, grad, n, g, delta, *, lr, gamma1, gamma2, epsilon, wd,
                        rescale_grad, clip_gradient, clip_weights):
    """Centered RMSProp (Graves 2013)."""
    return R.rmspropalex(weight, grad, n, g, delta, lr=lr, gamma1=gamma1, gamma2=gamma2,
                         epsilon=epsilon, wd=wd, rescale_grad=rescale_grad,
                         clip=_clip(clip_gradient), clip_weights=_clip(clip_weights))


@_reg("ftrl_update", ("weight", "grad", "z", "n"),
      {"lr": _dyn(), "lamda1": _dyn(0.01), "beta": _dyn(1.0), **_COMMON}, mutate=("z", "n"))
def _ftrl_update(weight, grad, z, n, *, lr, lamda1, beta, wd, rescale_grad, clip_gradient):
    """Follow-the-regularised-leader step."""
    return R.ftrl(weight, grad, z, n, lr=lr, lamda1=lamda1, beta=beta, wd=wd,
                  rescale_grad=rescale_grad, clip=_clip(clip_gradient))


@_reg("ftml_update", ("weight", "grad", "d", "v", "z"),
      {"lr": _dyn(), "beta1": _dyn(0.6), "beta2": _dyn(0.999), "epsilon": _dyn(1e-8),
       "t": Int(dynamic=True), "wd": _dyn(0.0), "rescale_grad": _dyn(1.0),
       "clip_grad": Float(-1.0)}, mutate=("d", "v", "z"))
def _ftml_update(weight, grad, d, v, z, *, lr, beta1, beta2, epsilon, t, wd, rescale_grad,
                 clip_grad):
    """Follow-the-moving-leader step at step count t."""
    return R.ftml(weight, grad, d, v, z, lr=lr, beta1=beta1, beta2=beta2, epsilon=epsilon,
                  t=t, wd=wd, rescale_grad=rescale_grad, clip=_clip(clip_grad))


_LAMB1 = {"beta1": _dyn(0.9), "beta2": _dyn(0.999), "epsilon": _dyn(1e-6),
          "t": Int(dynamic=True), "bias_correction": Bool(True), "wd": _dyn(),
          "rescale_grad": _dyn(1.0), "clip_gradient": Float(-1.0)}
_LAMB2 = {"lr": _dyn(), "lower_bound": Float(-1.0), "upper_bound": Float(-1.0)}


@_reg("lamb_update_phase1", ("weight", "grad", "mean", "var"), _LAMB1,
      mutate=("mean", "var"))
def _lamb_phase1(weight, grad, mean, var, *, beta1, beta2, epsilon, t, bias_correction, wd,
                 rescale_grad, clip_gradient):
    """LAMB direction g (returned); mean and var updated in place."""
    return R.lamb_phase1(weight, grad, mean, var, beta1=beta1, beta2=beta2, epsilon=epsilon,
                         t=t, bias_correction=bias_correction, wd=wd,
                         rescale_grad=rescale_grad, clip=_clip(clip_gradient))


@_reg("lamb_update_phase2", ("weight", "g", "r1", "r2"), _LAMB2)
def _lamb_phase2(weight, g, r1, r2, *, lr, lower_bound, upper_bound):
    """weight - lr * (r1/r2) * g, r1 bounded, ratio 1 when r1 or r2 is 0."""
    return R.lamb_phase2(weight, g, r1, r2, lr=lr, lower_bound=_clip(lower_bound),
                         upper_bound=_clip(upper_bound))


@_reg("mp_lamb_update_phase1", ("weight", "grad", "mean", "var", "weight32"), _LAMB1,
      mutate=("mean", "var"), same_dtype=False)
def _mp_lamb_phase1(weight, grad, mean, var, weight32, *, beta1, beta2, epsilon, t,
                    bias_correction, wd, rescale_grad, clip_gradient):
    """lamb_update_phase1 on the float32 master copy."""
    return R.lamb_phase1(weight32, grad.astype(jnp.float32), mean, var, beta1=beta1,
                         beta2=beta2, epsilon=epsilon, t=t, bias_correction=bias_correction,
                         wd=wd, rescale_grad=rescale_grad, clip=_clip(clip_gradient))


@_reg("mp_lamb_update_phase2", ("weight", "g", "r1", "r2", "weight32"), _LAMB2,
      same_dtype=False)
def _mp_lamb_phase2(weight, g, r1, r2, weight32, *, lr, lower_bound, upper_bound):
    """lamb_update_phase2 computed on the float32 master copy, returned in the weight's
    dtype. As in MXNet 1.9, weight32 itself is left unchanged."""
    w32 = R.lamb_phase2(weight32, g, r1, r2, lr=lr, lower_bound=_clip(lower_bound),
                        upper_bound=_clip(upper_bound))
    return w32.astype(weight.dtype)


# (MXNet's _contrib_group_adagrad_update accepts row_sparse gradients only - dense input
# raises there - so it is not registered; the GroupAdaGrad optimizer uses rules.group_adagrad.)
