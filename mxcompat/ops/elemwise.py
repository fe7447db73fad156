"""Elementwise operators: unary math, binary broadcast/elemwise, scalar variants."""
from __future__ import annotations

import jax
import jax.numpy as jnp
import jax.scipy.special as jsp
from jax import lax

from ..base import MXNetError, incompatible_attr
from .attrs import Enum, Float
from .registry import register

# ----------------------------------------------------------------------------- helpers


def _is_int(x) -> bool:
    return jnp.issubdtype(x.dtype, jnp.integer) or x.dtype == jnp.bool_


def _div(a, b):
    """MXNet division: true division for floats, truncation toward zero for integers."""
    if _is_int(a):
        return lax.div(a, jnp.where(b == 0, jnp.ones_like(b), b)) * (b != 0)
    return a / b


def _mod(a, b):
    """Remainder with the sign of the divisor (Python style); x % 0 is 0, as in MXNet."""
    safe = jnp.where(b == 0, jnp.ones_like(b), b)
    return jnp.where(b == 0, jnp.zeros_like(a), jnp.remainder(a, safe))


def _power(a, b):
    if _is_int(a):  # computed in float64 and truncated, as MXNet does (4 ** -1 == 0)
        return jnp.power(a.astype(jnp.float64), b.astype(jnp.float64)).astype(a.dtype)
    return jnp.power(a, b)


def _cmp(fn):
    return lambda a, b: fn(a, b).astype(a.dtype)


def _logical(fn):
    return lambda a, b: fn(a != 0, b != 0).astype(a.dtype)


def _maximum(a, b):
    """MXNet's maximum: ``a > b ? a : b`` (NaN as MXNet); a tie sends the gradient to a."""
    return jnp.where(a >= b, a, b)


def _minimum(a, b):
    """MXNet's minimum: a tie sends the gradient to a."""
    return jnp.where(a <= b, a, b)


BINARY = {
    "add": (jnp.add, ("plus",)),
    "sub": (jnp.subtract, ("minus",)),
    "mul": (jnp.multiply, ()),
    "div": (_div, ()),
    "mod": (_mod, ()),
    "power": (_power, ()),
    "maximum": (_maximum, ()),
    "minimum": (_minimum, ()),
    "hypot": (jnp.hypot, ()),
    "equal": (_cmp(jnp.equal), ()),
    "not_equal": (_cmp(jnp.not_equal), ()),
    "greater": (_cmp(jnp.greater), ()),
    "greater_equal": (_cmp(jnp.greater_equal), ()),
    "lesser": (_cmp(jnp.less), ()),
    "lesser_equal": (_cmp(jnp.less_equal), ()),
    "logical_and": (_logical(jnp.logical_and), ()),
    "logical_or": (_logical(jnp.logical_or), ()),
    "logical_xor": (_logical(jnp.logical_xor), ()),
}
_NON_DIFF = {"equal", "not_equal", "greater", "greater_equal", "lesser", "lesser_equal",
             "logical_and", "logical_or", "logical_xor"}


def _shape_list(shape) -> str:
    return "[" + ",".join(str(int(d)) for d in shape) + "]"


def _broadcast_explain(arrays, attrs):
    a, b = arrays
    return (f"Check failed: l == 1 || r == 1: operands could not be broadcast together "
            f"with shapes {_shape_list(a.shape)} {_shape_list(b.shape)}")


def _same_shape_check(arrays, attrs):
    s0 = arrays[0].shape
    for i in range(1, len(arrays)):
        if arrays[i].shape != s0:
            raise incompatible_attr(i, _shape_list(s0), _shape_list(arrays[i].shape))


for _name, (_fn, _aliases) in BINARY.items():
    register(f"broadcast_{_name}", ("lhs", "rhs"),
             aliases=tuple(f"broadcast_{a}" for a in _aliases),
             explain=_broadcast_explain,
             differentiable=_name not in _NON_DIFF)(_fn)

for _name in ("add", "sub", "mul", "div"):
    register(f"elemwise_{_name}", ("lhs", "rhs"), check=_same_shape_check,
             aliases=("_grad_add",) if _name == "add" else ())(BINARY[_name][0])

register("_maximum", ("lhs", "rhs"), check=_same_shape_check)(_maximum)
register("_minimum", ("lhs", "rhs"), check=_same_shape_check)(_minimum)
register("_hypot", ("lhs", "rhs"), check=_same_shape_check)(jnp.hypot)
register("_power", ("lhs", "rhs"), check=_same_shape_check)(_power)
register("_mod", ("lhs", "rhs"), check=_same_shape_check)(_mod)
for _name in ("equal", "not_equal", "greater", "greater_equal", "lesser", "lesser_equal",
              "logical_and", "logical_or", "logical_xor"):
    register(f"_{_name}", ("lhs", "rhs"), check=_same_shape_check,
             differentiable=False)(BINARY[_name][0])


# ----------------------------------------------------------------------------- scalar ops
def _scalar_of(x, scalar):
    """The scalar cast to the array's dtype first (MXNet truncates 2.5 to 2 for ints)."""
    return jnp.asarray(scalar).astype(x.dtype)


def _arith_input(x):
    # bool arrays compute arithmetic with scalars in int64 (what MXNet gives)
    return x.astype(jnp.int64) if x.dtype == jnp.bool_ else x


def _scalar_op(fn, reverse=False, arith=True):
    def op(data, scalar):
        x = _arith_input(data) if arith else data
        s = _scalar_of(x, scalar)
        return fn(s, x) if reverse else fn(x, s)
    return op


_SCALAR = {
    "_plus_scalar": (jnp.add, False, ()),
    "_minus_scalar": (jnp.subtract, False, ()),
    "_rminus_scalar": (jnp.subtract, True, ()),
    "_mul_scalar": (jnp.multiply, False, ()),
    "_div_scalar": (_div, False, ()),
    "_rdiv_scalar": (_div, True, ()),
    "_mod_scalar": (_mod, False, ()),
    "_rmod_scalar": (_mod, True, ()),
    "_power_scalar": (_power, False, ()),
    "_rpower_scalar": (_power, True, ()),
    "_maximum_scalar": (_maximum, False, ()),
    "_minimum_scalar": (_minimum, False, ()),
    "_hypot_scalar": (jnp.hypot, False, ()),
}
for _name, (_fn, _rev, _aliases) in _SCALAR.items():
    register(_name, ("data",), attrs={"scalar": Float(1.0, dynamic=True)},
             aliases=_aliases)(_scalar_op(_fn, _rev))

for _name in ("equal", "not_equal", "greater", "greater_equal", "lesser", "lesser_equal",
              "logical_and", "logical_or", "logical_xor"):
    register(f"_{_name}_scalar", ("data",), attrs={"scalar": Float(1.0, dynamic=True)},
             differentiable=False)(_scalar_op(BINARY[_name][0], False, arith=False))


# ----------------------------------------------------------------------------- unary ops
def _float_only(fn):
    """Math that MXNet computes on floats: integer inputs keep their dtype (truncated)."""
    def op(data):
        if _is_int(data):
            return fn(data.astype(jnp.float64)).astype(data.dtype)
        return fn(data)
    return op


def _abs(x):
    """|x| with MXNet's gradient sign(x) (0 at 0)."""
    return x * jnp.sign(x)


def _relu(x):
    """``x > 0 ? x : 0`` as MXNet: gradient 0 at 0 (and relu(nan) = 0)."""
    return jnp.where(x > 0, x, jnp.zeros((), x.dtype))


def _sigmoid(x):
    return jax.nn.sigmoid(x)


def _softsign(x):
    return x / (1 + jnp.abs(x))


def _round_half_away(x):
    return jnp.sign(x) * jnp.floor(jnp.abs(x) + 0.5)


def _rint(x):
    """MXNet's rint: halves go down (-2.5 -> -3, 2.5 -> 2)."""
    f = jnp.floor(x)
    return jnp.where(x - f <= 0.5, f, jnp.ceil(x))


UNARY = {
    "abs": (_abs, True), "sign": (jnp.sign, False), "negative": (jnp.negative, True),
    "square": (jnp.square, True), "reciprocal": (_float_only(jnp.reciprocal), True),
    "round": (_float_only(_round_half_away), False), "rint": (_float_only(_rint), False),
    "ceil": (_float_only(jnp.ceil), False), "floor": (_float_only(jnp.floor), False),
    "trunc": (_float_only(jnp.trunc), False), "fix": (_float_only(jnp.trunc), False),
    "sqrt": (_float_only(jnp.sqrt), True), "rsqrt": (_float_only(lax.rsqrt), True),
    "cbrt": (_float_only(jnp.cbrt), True), "rcbrt": (_float_only(lambda x: 1 / jnp.cbrt(x)), True),
    "exp": (_float_only(jnp.exp), True), "expm1": (_float_only(jnp.expm1), True),
    "log": (_float_only(jnp.log), True), "log10": (_float_only(jnp.log10), True),
    "log2": (_float_only(jnp.log2), True), "log1p": (_float_only(jnp.log1p), True),
    "sin": (_float_only(jnp.sin), True), "cos": (_float_only(jnp.cos), True),
    "tan": (_float_only(jnp.tan), True), "arcsin": (_float_only(jnp.arcsin), True),
    "arccos": (_float_only(jnp.arccos), True), "arctan": (_float_only(jnp.arctan), True),
    "sinh": (_float_only(jnp.sinh), True), "cosh": (_float_only(jnp.cosh), True),
    "tanh": (_float_only(jnp.tanh), True), "arcsinh": (_float_only(jnp.arcsinh), True),
    "arccosh": (_float_only(jnp.arccosh), True), "arctanh": (_float_only(jnp.arctanh), True),
    "degrees": (_float_only(jnp.degrees), True), "radians": (_float_only(jnp.radians), True),
    "gamma": (_float_only(lambda x: jnp.exp(jsp.gammaln(x)) * jnp.where(
        (x < 0) & (jnp.floor(x) % 2 == 1), -1, 1)), True),
    "gammaln": (_float_only(jsp.gammaln), True), "digamma": (_float_only(jsp.digamma), True),
    "erf": (_float_only(jsp.erf), True), "erfinv": (_float_only(jsp.erfinv), True),
    "relu": (_relu, True), "sigmoid": (_float_only(_sigmoid), True),
    "softsign": (_float_only(_softsign), True),
    "logical_not": (lambda x: (x == 0).astype(x.dtype), False),
}
for _name, (_fn, _diff) in UNARY.items():
    register(_name, ("data",), differentiable=_diff)(_fn)


@register("_copy", aliases=("identity",))
def _copy(data):
    return data + jnp.zeros((), data.dtype) if data.dtype != jnp.bool_ else data


@register("BlockGrad", aliases=("stop_gradient",))
def _block_grad(data):
    return lax.stop_gradient(data)


def _loss_head(data, scale):
    """Identity forward; the gradient ignores the head gradient and is ``scale``."""
    @jax.custom_vjp
    def head(x, s):
        return x

    def fwd(x, s):
        return x, s

    def bwd(s, g):
        return jnp.broadcast_to(s, g.shape).astype(g.dtype), None

    head.defvjp(fwd, bwd)
    return head(data, scale)


@register("make_loss")
def _make_loss(data):
    """Marks a loss: the gradient of its input is ones, whatever the head gradient."""
    return _loss_head(data, jnp.ones((), data.dtype))


@register("MakeLoss", attrs={"grad_scale": Float(1.0), "valid_thresh": Float(0.0),
                             "normalization": Enum(("batch", "null", "valid"), "null")})
def _make_loss_scaled(data, grad_scale, valid_thresh, normalization):
    """A loss head: gradient ``grad_scale``, divided by the batch size ('batch') or by the
    number of elements above ``valid_thresh`` ('valid')."""
    scale = jnp.asarray(grad_scale, data.dtype)
    if normalization == "batch":
        scale = scale / data.shape[0]
    elif normalization == "valid":
        n = jnp.maximum(jnp.sum(data > valid_thresh), 1)
        scale = scale / n.astype(data.dtype)
    return _loss_head(data, jax.lax.stop_gradient(scale))


@register("hard_sigmoid", attrs={"alpha": Float(0.2), "beta": Float(0.5)})
def _hard_sigmoid(data, alpha, beta):
    return jnp.clip(alpha * data + beta, 0, 1).astype(data.dtype)


@register("zeros_like", differentiable=False)
def _zeros_like(data):
    return jnp.zeros_like(data)


@register("ones_like", differentiable=False)
def _ones_like(data):
    return jnp.ones_like(data)


@register("clip", attrs={"a_min": Float(), "a_max": Float()})
def _clip(data, a_min, a_max):
    lo = jnp.asarray(a_min).astype(data.dtype)
    hi = jnp.asarray(a_max).astype(data.dtype)
    return jnp.minimum(jnp.maximum(data, lo), hi)


@register("smooth_l1", attrs={"scalar": Float(1.0)})
def _smooth_l1(data, scalar):
    s2 = scalar * scalar
    ax = jnp.abs(data)
    return jnp.where(ax < 1.0 / s2, 0.5 * s2 * data * data, ax - 0.5 / s2).astype(data.dtype)


def _add_n(*args, num_args):
    out = args[0]
    for a in args[1:]:
        out = out + a
    return out


register("add_n", ("args",), variadic="num_args", aliases=("ElementWiseSum",),
         check=_same_shape_check)(_add_n)
