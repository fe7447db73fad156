"""``mx.nd.contrib`` operators: small helpers, straight-through estimators, AdamW, and the
multi-tensor utilities of ``mx.nd`` (``multi_sum_sq``, ``multi_sgd_update``, ...).

Box and image operators live in ``contrib_vision.py``. Names with the ``_contrib_`` prefix
appear as ``mx.nd.contrib.<name>``.
"""
from __future__ import annotations

import jax
import jax.numpy as jnp

from ..base import MXNetError
from .attrs import Bool, Float, Int, OptInt, Shape, Str
from .registry import register

__all__: list = []


# ----------------------------------------------------------------------------- helpers
@register("_contrib_arange_like", ("data",), differentiable=False,
          attrs={"start": Float(0.0), "step": Float(1.0), "repeat": Int(1), "ctx": Str(""),
                 "axis": OptInt(None)})
def _arange_like(data, *, start, step, repeat, ctx, axis):
    """start + step * (i // repeat) over the shape of ``data`` (or its ``axis``)."""
    if axis is None:
        n, shape = data.size, data.shape
    else:
        n = data.shape[axis % data.ndim]
        shape = (n,)
    i = jnp.arange(n) // repeat
    return (start + step * i).astype(data.dtype).reshape(shape)


def _index_copy_check(arrays, attrs):
    old, idx, new = arrays
    if old.ndim != new.ndim:
        raise MXNetError(f"Check failed: in_attrs->at(0).ndim() == in_attrs->at(2).ndim() "
                         f"({old.ndim} vs. {new.ndim}) : ")
    for i in range(1, old.ndim):
        if old.shape[i] != new.shape[i]:
            raise MXNetError(f"Check failed: in_attrs->at(0)[i] == in_attrs->at(2)[i] "
                             f"({old.shape[i]} vs. {new.shape[i]}) : ")
    if idx.ndim != 1:
        raise MXNetError(f"Check failed: in_attrs->at(1).ndim() == 1 ({idx.ndim} vs. 1) : ")
    if idx.shape[0] != new.shape[0]:
        raise MXNetError(f"Check failed: in_attrs->at(1)[0] == in_attrs->at(2)[0] "
                         f"({idx.shape[0]} vs. {new.shape[0]}) : ")


@register("_contrib_index_copy", ("old_tensor", "index_vector", "new_tensor"),
          same_dtype=False, check=_index_copy_check)
def _index_copy(old_tensor, index_vector, new_tensor):
    """A copy of ``old_tensor`` whose rows ``index_vector`` are ``new_tensor``'s rows."""
    idx = jax.lax.stop_gradient(index_vector).astype(jnp.int32)
    return old_tensor.at[idx].set(new_tensor.astype(old_tensor.dtype))


@register("_contrib_index_array", ("data",), differentiable=False,
          attrs={"axes": Shape(None, allow_none=True)})
def _index_array(data, *, axes):
    """Every position's index (int64), over all axes or the listed ones."""
    nd = data.ndim
    axes = tuple(range(nd)) if axes is None else tuple(a % nd for a in axes)
    grids = [jax.lax.broadcasted_iota(jnp.int64, data.shape, a) for a in axes]
    return jnp.stack(grids, axis=-1)


@register("_contrib_allclose", ("a", "b"), differentiable=False,
          attrs={"rtol": Float(1e-5), "atol": Float(1e-8), "equal_nan": Bool(True)})
def _allclose(a, b, *, rtol, atol, equal_nan):
    """1 (uint8, shape ()) when |a - b| <= atol + rtol * |b| everywhere."""
    close = jnp.abs(a - b) <= atol + rtol * jnp.abs(b)
    if equal_nan:
        close = close | (jnp.isnan(a) & jnp.isnan(b))
    return jnp.all(close).astype(jnp.uint8)


@register("_contrib_div_sqrt_dim", ("data",))
def _div_sqrt_dim(data):
    """data / sqrt(size of the last axis)."""
    return data / jnp.sqrt(jnp.asarray(data.shape[-1], data.dtype))


@register("_contrib_quadratic", ("data",),
          attrs={"a": Float(0.0), "b": Float(0.0), "c": Float(0.0)})
def _quadratic(data, *, a, b, c):
    """a*x^2 + b*x + c."""
    return (a * data + b) * data + c


# ----------------------------------------------------------------------------- gradient tricks
def _scaled_identity(x, scale):
    """Identity forward whose gradient is ``scale`` times the head gradient."""
    @jax.custom_vjp
    def f(v):
        return v

    def fwd(v):
        return v, None

    def bwd(_, ct):
        return (ct * scale,)

    f.defvjp(fwd, bwd)
    return f(x)


def _straight_through(forward):
    """``forward`` with the identity as its gradient (a straight-through estimator)."""
    @jax.custom_vjp
    def f(v):
        return forward(v)

    def fwd(v):
        return forward(v), None

    def bwd(_, ct):
        return (ct,)

    f.defvjp(fwd, bwd)
    return f


@register("_contrib_gradientmultiplier", ("data",),
          attrs={"scalar": Float(1.0), "is_int": Bool(True)})
def _gradientmultiplier(data, *, scalar, is_int):
    """Identity; the gradient is multiplied by ``scalar``."""
    return _scaled_identity(data, scalar)


def _round_half_away(x):
    return jnp.sign(x) * jnp.floor(jnp.abs(x) + 0.5)


_round_ste_fn = _straight_through(_round_half_away)
_sign_ste_fn = _straight_through(jnp.sign)


@register("_contrib_round_ste", ("data",))
def _round_ste(data):
    """round(x) (half away from zero) with the identity gradient."""
    return _round_ste_fn(data)


@register("_contrib_sign_ste", ("data",))
def _sign_ste(data):
    """sign(x) with the identity gradient."""
    return _sign_ste_fn(data)


# ----------------------------------------------------------------------------- FFT
def _gpu_only(name):
    def check(arrays, attrs):
        raise MXNetError(f"{name} is only available for GPU.")
    return check


@register("_contrib_fft", ("data",), check=_gpu_only("fft"),
          attrs={"compute_size": Int(128)})
def _fft(data, *, compute_size):
    """MXNet 1.9 implements fft on GPU only; the CPU build raises (as here)."""
    raise NotImplementedError("contrib.fft")


@register("_contrib_ifft", ("data",), check=_gpu_only("ifft"),
          attrs={"compute_size": Int(128)})
def _ifft(data, *, compute_size):
    """MXNet 1.9 implements ifft on GPU only; the CPU build raises (as here)."""
    raise NotImplementedError("contrib.ifft")


@register("_contrib_count_sketch", ("data", "h", "s"), check=_gpu_only("CountSketch"),
          attrs={"out_dim": Int(), "processing_batch_size": Int(32)})
def _count_sketch(data, h, s, *, out_dim, processing_batch_size):
    """MXNet 1.9 implements count_sketch on GPU only; the CPU build raises (as here)."""
    raise NotImplementedError("contrib.count_sketch")


# ----------------------------------------------------------------------------- AdamW
def _dyn(default=None):
    return Float(dynamic=True) if default is None else Float(default, dynamic=True)


_ADAMW = {"lr": _dyn(), "eta": _dyn(), "beta1": _dyn(0.9), "beta2": _dyn(0.999),
          "epsilon": _dyn(1e-8), "wd": _dyn(0.0), "clip_gradient": Float(-1.0)}


def _adamw_step(weight, grad, mean, var, scale, *, lr, eta, beta1, beta2, epsilon, wd,
                clip_gradient):
    """One AdamW step; nothing changes when the rescale factor is not finite."""
    dt = weight.dtype
    lr, eta, beta1, beta2, epsilon, wd = (jnp.asarray(h, dt) for h in
                                          (lr, eta, beta1, beta2, epsilon, wd))
    s = scale.reshape(()).astype(dt)
    g = grad.astype(dt) * s
    if clip_gradient >= 0:
        g = jnp.clip(g, -clip_gradient, clip_gradient)
    m = beta1 * mean + (1 - beta1) * g
    v = beta2 * var + (1 - beta2) * g * g
    w = weight - eta * (lr * m / (jnp.sqrt(v) + epsilon) + wd * weight)
    ok = jnp.isfinite(s)
    return (jnp.where(ok, w, weight).astype(dt), jnp.where(ok, m, mean).astype(mean.dtype),
            jnp.where(ok, v, var).astype(var.dtype), jnp.where(ok, g, grad).astype(grad.dtype))


@register("_contrib_adamw_update", ("weight", "grad", "mean", "var", "rescale_grad"),
          attrs=_ADAMW, mutate=("grad", "mean", "var"), differentiable=False,
          same_dtype=False)
def _adamw_update(weight, grad, mean, var, rescale_grad, **hp):
    """AdamW: w -= eta * (lr * m / (sqrt(v) + eps) + wd * w); skipped when
    ``rescale_grad`` is not finite. As in MXNet, ``grad`` is overwritten with the rescaled,
    clipped gradient."""
    w, m, v, g = _adamw_step(weight, grad, mean, var, rescale_grad, **hp)
    return w, g, m, v


@register("_contrib_mp_adamw_update",
          ("weight", "grad", "mean", "var", "weight32", "rescale_grad"),
          attrs=_ADAMW, mutate=("mean", "var", "weight32"), differentiable=False,
          same_dtype=False)
def _mp_adamw_update(weight, grad, mean, var, weight32, rescale_grad, **hp):
    """adamw_update on the float32 master copy; the weight receives its cast."""
    w32, m, v, _ = _adamw_step(weight32, grad.astype(jnp.float32), mean, var, rescale_grad,
                            **hp)
    return w32.astype(weight.dtype), m, v, w32


# ----------------------------------------------------------------------------- mx.nd utilities
@register("moments", ("data",), num_outputs=2,
          attrs={"axes": Shape(None, allow_none=True), "keepdims": Bool(False)})
def _moments(data, *, axes, keepdims):
    """(mean, variance) over ``axes`` (all axes when None)."""
    ax = None if axes is None else tuple(a % data.ndim for a in axes)
    mean = jnp.mean(data, axis=ax, keepdims=True)
    var = jnp.mean(jnp.square(data - mean), axis=ax, keepdims=True)
    if not keepdims:
        mean = jnp.squeeze(mean, axis=ax)
        var = jnp.squeeze(var, axis=ax)
    return mean, var


@register("all_finite", ("data",), differentiable=False,
          attrs={"init_output": Bool(True)})
def _all_finite(data, *, init_output):
    """[1.0] when every element is finite, else [0.0] (float32, shape (1,))."""
    return jnp.all(jnp.isfinite(data)).astype(jnp.float32).reshape((1,))


@register("multi_all_finite", ("data",), variadic="num_arrays", differentiable=False,
          same_dtype=False, attrs={"num_arrays": Int(1), "init_output": Bool(True)})
def _multi_all_finite(*data, num_arrays, init_output):
    """all_finite over several arrays at once."""
    ok = jnp.all(jnp.stack([jnp.all(jnp.isfinite(d)) for d in data]))
    return ok.astype(jnp.float32).reshape((1,))


@register("multi_sum_sq", ("data",), variadic="num_arrays", differentiable=False,
          same_dtype=False, attrs={"num_arrays": Int()})
def _multi_sum_sq(*data, num_arrays):
    """The sum of squares of each array, as one float32 vector."""
    return jnp.stack([jnp.sum(jnp.square(d.astype(jnp.float32))) for d in data])


# (multi_sgd_update and its variants are not registered yet: their states are updated in
# place through a variadic input list, which the registry's ``mutate`` does not express.)


# ----------------------------------------------------------------------------- random_pdf_*
def _pdf_check(vector):
    """Parameters share one shape, a prefix of the sample's shape (for vector-valued
    samples, of the sample's shape without its last axis)."""
    def check(arrays, attrs):
        sample, params = arrays[0], arrays[1:]
        pshape = tuple(params[0].shape)
        for p in params[1:]:
            if tuple(p.shape) != pshape:
                raise MXNetError(f"Shape inconsistent, Provided = {_shape_str(p.shape)}, "
                                 f"inferred shape={_shape_str(pshape)}")
        lead = pshape[:-1] if vector else pshape
        if tuple(sample.shape[:len(lead)]) != lead:
            want = tuple(sample.shape[:len(lead)])
            raise MXNetError(f"Shape inconsistent, Provided = {_shape_str(pshape)}, "
                             f"inferred shape={_shape_str(want + pshape[len(lead):])}")
    return check


def _shape_str(shape) -> str:
    return "[" + ",".join(str(int(d)) for d in shape) + "]"


def _expand(param, sample, vector=False):
    """Reshape a parameter so it broadcasts against the sample's extra axes."""
    extra = sample.ndim - param.ndim
    if vector:
        return param.reshape(param.shape[:-1] + (1,) * extra + param.shape[-1:])
    return param.reshape(param.shape + (1,) * extra)


def _register_pdf(dist, params, logpdf, discrete=False, vector=False):
    def fn(sample, *ps, is_log):
        dt = sample.dtype
        x = jax.lax.stop_gradient(sample) if discrete else sample
        args = [_expand(p, sample, vector) for p in ps]
        lp = logpdf(x, *args)
        return (lp if is_log else jnp.exp(lp)).astype(dt)

    fn.__doc__ = (f"The {dist.replace('_', ' ')} density of each sample under the parameters "
                  "of its row (the log density with is_log).")
    register(f"_random_pdf_{dist}", ("sample",) + params, aliases=(f"random_pdf_{dist}",),
             check=_pdf_check(vector), attrs={"is_log": Bool(False)})(fn)


def _lgamma(x):
    return jax.scipy.special.gammaln(x)


_register_pdf("uniform", ("low", "high"),
              lambda x, lo, hi: jnp.broadcast_to(-jnp.log(hi - lo), x.shape))
_register_pdf("normal", ("mu", "sigma"),
              lambda x, mu, s: -0.5 * jnp.square((x - mu) / s) - jnp.log(s)
              - 0.5 * jnp.log(2 * jnp.pi))
_register_pdf("gamma", ("alpha", "beta"),
              lambda x, a, b: a * jnp.log(b) + (a - 1) * jnp.log(x) - b * x - _lgamma(a))
_register_pdf("exponential", ("lam",), lambda x, lam: jnp.log(lam) - lam * x)
_register_pdf("poisson", ("lam",),
              lambda x, lam: x * jnp.log(lam) - lam - _lgamma(x + 1), discrete=True)
_register_pdf("negative_binomial", ("k", "p"),
              lambda x, k, p: _lgamma(x + k) - _lgamma(x + 1) - _lgamma(k)
              + k * jnp.log(p) + x * jnp.log1p(-p), discrete=True)


def _gnb_logpdf(x, mu, alpha):
    k = 1.0 / alpha
    p = k / (k + mu)
    return (_lgamma(x + k) - _lgamma(x + 1) - _lgamma(k) + k * jnp.log(p)
            + x * jnp.log1p(-p))


_register_pdf("generalized_negative_binomial", ("mu", "alpha"), _gnb_logpdf, discrete=True)
_register_pdf("dirichlet", ("alpha",),
              lambda x, a: jnp.sum((a - 1) * jnp.log(x), axis=-1)
              + _lgamma(jnp.sum(a, axis=-1)) - jnp.sum(_lgamma(a), axis=-1), vector=True)


# ----------------------------------------------------------------------------- SVMOutput
def _svm_grad(linear, margin, reg):
    def rule(out, label, head):
        k = out.shape[-1]
        onehot = jax.nn.one_hot(label.astype(jnp.int32), k, dtype=out.dtype)
        own = (margin > out).astype(out.dtype)
        other = (margin > -out).astype(out.dtype)
        if linear:
            g = jnp.where(onehot > 0, -own, other)
        else:
            g = jnp.where(onehot > 0, -own * 2 * (margin - out), other * 2 * (margin + out))
        return reg * g
    return rule


@register("SVMOutput", ("data", "label"), same_dtype=False,
          attrs={"margin": Float(1.0), "regularization_coefficient": Float(1.0),
                 "use_linear": Bool(False)})
def _svm_output(data, label, *, margin, regularization_coefficient, use_linear):
    """Identity forward; the backward is the hinge (use_linear) or squared-hinge loss
    gradient for the label class, ignoring the head gradient (a loss layer)."""
    from .nn import _with_output_grad
    rule = _svm_grad(use_linear, margin, regularization_coefficient)
    return _with_output_grad(lambda d: d, rule)(data, label)
