"""The update rules: one pure JAX function per rule, shared by the ``mx.nd.*_update``
operators and the ``mx.optimizer`` classes.

Every function takes ``jax.Array`` values and scalar hyper-parameters (Python numbers or
traced scalars) and returns the new values; nothing is written in place here. Scalars are
cast to the dtype of the weight first, as MXNet's kernels receive them as that type.
``clip`` is None (no clipping) or a non-negative bound, decided by the caller.
"""
from __future__ import annotations

import jax.numpy as jnp

__all__ = [
    "clip_or_keep", "sgd", "sgd_mom", "nag_mom", "adam", "rmsprop", "rmspropalex", "ftrl",
    "ftml", "signsgd", "signum", "lamb_phase1", "lamb_phase2", "adagrad", "group_adagrad",
    "adadelta", "adamax", "nadam", "dcasgd", "lars_factor", "plus_grad", "mp_wrap",
]


def _s(x, dt):
    """A scalar hyper-parameter as a 0-d array of dtype ``dt``."""
    return jnp.asarray(x, dtype=dt)


def clip_or_keep(g, clip):
    """``g`` clipped to [-clip, clip], or unchanged when ``clip`` is None."""
    if clip is None:
        return g
    c = _s(clip, g.dtype)
    return jnp.clip(g, -c, c)


def sgd(weight, grad, *, lr, wd, rescale_grad, clip):
    dt = weight.dtype
    lr = _s(lr, dt)
    g = clip_or_keep(_s(rescale_grad, dt) * grad.astype(dt), clip)
    return (1 - lr * _s(wd, dt)) * weight - lr * g


def sgd_mom(weight, grad, mom, *, lr, momentum, wd, rescale_grad, clip):
    """Returns (weight, mom)."""
    dt = weight.dtype
    lr = _s(lr, dt)
    g = clip_or_keep(_s(rescale_grad, dt) * grad.astype(dt), clip)
    mom = _s(momentum, dt) * mom - lr * _s(wd, dt) * weight - lr * g
    return weight + mom, mom


def nag_mom(weight, grad, mom, *, lr, momentum, wd, rescale_grad, clip):
    """Returns (weight, mom). MXNet's kernel writes the weight before it updates the
    momentum, so with ``out=weight`` (how the optimizer calls it) the weight-decay term of
    the new momentum uses the new weight; that is the behaviour reproduced here."""
    dt = weight.dtype
    lr, m, wd = _s(lr, dt), _s(momentum, dt), _s(wd, dt)
    g = clip_or_keep(_s(rescale_grad, dt) * grad.astype(dt), clip)
    m1 = m * mom
    new_w = weight - m1 + (m + 1) * (m1 - lr * (g + wd * weight))
    new_mom = m1 - lr * (g + wd * new_w)
    return new_w, new_mom


def adam(weight, grad, mean, var, *, lr, beta1, beta2, epsilon, wd, rescale_grad, clip):
    """Returns (weight, mean, var); ``lr`` already carries any bias correction."""
    dt = weight.dtype
    b1, b2 = _s(beta1, dt), _s(beta2, dt)
    g = clip_or_keep(_s(rescale_grad, dt) * grad.astype(dt) + _s(wd, dt) * weight, clip)
    mean = b1 * mean + (1 - b1) * g
    var = b2 * var + (1 - b2) * g * g
    w = weight - _s(lr, dt) * mean / (jnp.sqrt(var) + _s(epsilon, dt))
    return w, mean, var


def _clip_weights(w, clip_weights):
    if clip_weights is None:
        return w
    c = _s(clip_weights, w.dtype)
    return jnp.clip(w, -c, c)


def rmsprop(weight, grad, n, *, lr, gamma1, epsilon, wd, rescale_grad, clip, clip_weights):
    """Returns (weight, n)."""
    dt = weight.dtype
    g1 = _s(gamma1, dt)
    g = clip_or_keep(_s(rescale_grad, dt) * grad.astype(dt) + _s(wd, dt) * weight, clip)
    n = (1 - g1) * g * g + g1 * n.astype(dt)
    w = weight - _s(lr, dt) * g / jnp.sqrt(n + _s(epsilon, dt))
    return _clip_weights(w, clip_weights), n


def rmspropalex(weight, grad, n, gs, delta, *, lr, gamma1, gamma2, epsilon, wd, rescale_grad,
                clip, clip_weights):
    """The centered RMSProp (Graves). Returns (weight, n, g, delta)."""
    dt = weight.dtype
    g1 = _s(gamma1, dt)
    g = clip_or_keep(_s(rescale_grad, dt) * grad.astype(dt) + _s(wd, dt) * weight, clip)
    n = (1 - g1) * g * g + g1 * n.astype(dt)
    gs = (1 - g1) * g + g1 * gs.astype(dt)
    delta = _s(gamma2, dt) * delta.astype(dt) - _s(lr, dt) * g / jnp.sqrt(
        n - gs * gs + _s(epsilon, dt))
    return _clip_weights(weight + delta, clip_weights), n, gs, delta


def ftrl(weight, grad, z, n, *, lr, lamda1, beta, wd, rescale_grad, clip):
    """Returns (weight, z, n)."""
    dt = weight.dtype
    lr, l1 = _s(lr, dt), _s(lamda1, dt)
    g = clip_or_keep(_s(rescale_grad, dt) * grad.astype(dt), clip)
    z = z + g - (jnp.sqrt(n + g * g) - jnp.sqrt(n)) * weight / lr
    n = n + g * g
    w = (jnp.sign(z) * l1 - z) / ((_s(beta, dt) + jnp.sqrt(n)) / lr + _s(wd, dt)) \
        * (jnp.abs(z) > l1).astype(dt)
    return w, z, n


def ftml(weight, grad, d, v, z, *, lr, beta1, beta2, epsilon, t, wd, rescale_grad, clip):
    """Returns (weight, d, v, z)."""
    dt = weight.dtype
    b1, b2 = _s(beta1, dt), _s(beta2, dt)
    tt = _s(t, dt)
    g = clip_or_keep(_s(rescale_grad, dt) * grad.astype(dt) + _s(wd, dt) * weight, clip)
    v = b2 * v + (1 - b2) * g * g
    d_t = (1 - b1 ** tt) / _s(lr, dt) * (jnp.sqrt(v / (1 - b2 ** tt)) + _s(epsilon, dt))
    z = b1 * z + (1 - b1) * g - (d_t - b1 * d) * weight
    return -z / d_t, d_t, v, z


def signsgd(weight, grad, *, lr, wd):
    dt = weight.dtype
    lr = _s(lr, dt)
    return (1 - lr * _s(wd, dt)) * weight - lr * jnp.sign(grad.astype(dt))


def signum(weight, grad, mom, *, lr, momentum, wd, rescale_grad, clip, wd_lh):
    """Returns (weight, mom)."""
    dt = weight.dtype
    m, lr = _s(momentum, dt), _s(lr, dt)
    g = clip_or_keep(_s(rescale_grad, dt) * grad.astype(dt), clip)
    mom = m * mom - (1 - m) * _s(wd, dt) * weight - (1 - m) * g
    return (1 - lr * _s(wd_lh, dt)) * weight + lr * jnp.sign(mom), mom


def lamb_phase1(weight, grad, mean, var, *, beta1, beta2, epsilon, t, bias_correction, wd,
                rescale_grad, clip):
    """Returns (g, mean, var): the LAMB direction and the new moments."""
    dt = weight.dtype
    b1, b2 = _s(beta1, dt), _s(beta2, dt)
    g = clip_or_keep(_s(rescale_grad, dt) * grad.astype(dt), clip)
    mean = b1 * mean + (1 - b1) * g
    var = b2 * var + (1 - b2) * g * g
    if bias_correction:
        tt = _s(t, dt)
        m_hat, v_hat = mean / (1 - b1 ** tt), var / (1 - b2 ** tt)
    else:
        m_hat, v_hat = mean, var
    return m_hat / (jnp.sqrt(v_hat) + _s(epsilon, dt)) + _s(wd, dt) * weight, mean, var


def lamb_phase2(weight, g, r1, r2, *, lr, lower_bound, upper_bound):
    """``weight - lr * ratio * g`` with ratio = r1/r2 (r1 bounded), or 1 when either is 0."""
    dt = weight.dtype
    r1 = jnp.reshape(r1, ()).astype(dt)
    r2 = jnp.reshape(r2, ()).astype(dt)
    if lower_bound is not None:
        r1 = jnp.maximum(r1, _s(lower_bound, dt))
    if upper_bound is not None:
        r1 = jnp.minimum(r1, _s(upper_bound, dt))
    ratio = jnp.where((r1 == 0) | (r2 == 0), jnp.ones((), dt), r1 / r2)
    return weight - _s(lr, dt) * ratio * g.astype(dt)


def adagrad(weight, grad, history, *, lr, wd, rescale_grad, clip, eps):
    """Returns (weight, history)."""
    dt = history.dtype
    g = clip_or_keep(grad.astype(dt) * _s(rescale_grad, dt), clip)
    history = history + g * g
    div = g / jnp.sqrt(history + _s(eps, dt))
    w = weight.astype(dt)
    w = w + (div + w * _s(wd, dt)) * -_s(lr, dt)
    return w.astype(weight.dtype), history


def group_adagrad(weight, grad, history, *, lr, rescale_grad, clip, eps):
    """Returns (weight, history); one accumulated rate per row (history has shape (rows, 1))."""
    dt = weight.dtype
    g = clip_or_keep(grad.astype(dt) * _s(rescale_grad, dt), clip)
    history = history + jnp.mean(g * g, axis=1, keepdims=True).astype(history.dtype)
    div = _s(lr, dt) * g / jnp.sqrt(history.astype(dt) + _s(eps, dt))
    return weight - div, history


def adadelta(weight, grad, acc_g, acc_delta, *, rho, epsilon, wd, rescale_grad, clip):
    """Returns (weight, acc_g, acc_delta, rescaled grad) - MXNet rescales the gradient
    array in place, so the caller writes the last value back into it."""
    dt = acc_g.dtype
    rho, eps = _s(rho, dt), _s(epsilon, dt)
    rescaled = grad * _s(rescale_grad, grad.dtype)
    g = clip_or_keep(rescaled.astype(dt), clip)
    acc_g = acc_g * rho + (1 - rho) * g * g
    cur = jnp.sqrt(acc_delta + eps) / jnp.sqrt(acc_g + eps) * g
    acc_delta = acc_delta * rho + (1 - rho) * cur * cur
    w = weight.astype(dt)
    w = w - (cur + _s(wd, dt) * w)
    return w.astype(weight.dtype), acc_g, acc_delta, rescaled


def adamax(weight, grad, m, u, *, lr, beta1, beta2, wd, rescale_grad, clip):
    """Returns (weight, m, u); ``lr`` already divided by 1 - beta1**t."""
    dt = weight.dtype
    b1 = _s(beta1, dt)
    g = clip_or_keep(grad.astype(dt) * _s(rescale_grad, dt) + _s(wd, dt) * weight, clip)
    m = m * b1 + (1 - b1) * g
    u = jnp.maximum(_s(beta2, dt) * u, jnp.abs(g))
    return weight - _s(lr, dt) * m / u, m, u


def nadam(weight, grad, m, v, *, lr, beta1, beta2, epsilon, wd, rescale_grad, clip,
          mom_t, mom_t1, den_g, den_m, den_v):
    """Returns (weight, m, v). The caller computes the momentum schedule: ``mom_t``,
    ``mom_t1`` and the bias denominators 1 - m_schedule, 1 - m_schedule_next, 1 - beta2**t."""
    dt = weight.dtype
    b1, b2 = _s(beta1, dt), _s(beta2, dt)
    g = clip_or_keep(grad.astype(dt) * _s(rescale_grad, dt) + _s(wd, dt) * weight, clip)
    m = m * b1 + (1 - b1) * g
    v = v * b2 + (1 - b2) * g * g
    m_bar = (1 - _s(mom_t, dt)) * (g / _s(den_g, dt)) + _s(mom_t1, dt) * (m / _s(den_m, dt))
    v_prime = v / _s(den_v, dt)
    return weight - _s(lr, dt) * m_bar / (jnp.sqrt(v_prime) + _s(epsilon, dt)), m, v


def dcasgd(weight, grad, mom, prev, *, lr, momentum, wd, rescale_grad, clip, lamda):
    """Returns (weight, mom or None, previous weight). ``mom`` None means no momentum."""
    dt = weight.dtype
    g = clip_or_keep(grad.astype(dt) * _s(rescale_grad, dt), clip)
    step = -_s(lr, dt) * (g + _s(wd, dt) * weight + _s(lamda, dt) * g * g * (weight - prev))
    if mom is not None:
        mom = mom * _s(momentum, dt) + step
        step = mom
    return weight + step, mom, weight


def lars_factor(weight, grad, *, eta, eps, wd, rescale_grad):
    """The LARS scale of the learning rate for one layer (float32)."""
    w = weight.astype(jnp.float32)
    g = grad.astype(jnp.float32)
    w_norm = jnp.sqrt(jnp.sum(w * w))
    g_norm = jnp.sqrt(jnp.sum(g * g))
    f32 = jnp.float32
    scale = _s(eta, f32) * w_norm / (g_norm * _s(rescale_grad, f32) + _s(wd, f32) * w_norm
                                    + _s(eps, f32))
    return jnp.where((w_norm > 0) & (g_norm > 0), scale, jnp.ones((), f32))


def plus_grad(weight, grad, *, rescale_grad):
    """The ``Test`` optimizer: weight + rescale_grad * grad."""
    return weight + grad * _s(rescale_grad, grad.dtype)


def mp_wrap(rule, weight, grad, weight32, *states, **hp):
    """Apply ``rule`` to the float32 master copy; returns (weight, weight32, *states)."""
    out = rule(weight32, grad.astype(weight32.dtype), *states, **hp)
    if not isinstance(out, tuple):
        out = (out,)
    w32 = out[0]
    return (w32.astype(weight.dtype), w32) + tuple(out[1:])
