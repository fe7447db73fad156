"""Neural-network operators (MXNet 1.9 semantics).

This module holds the shared helpers of the neural-network operators and the operators
that do not fit a larger family: FullyConnected, Activation, LeakyReLU, Dropout, Embedding,
the softmax family and the loss "output" layers, the Sequence* operators, UpSampling and
CTCLoss. Convolutions live in ``conv.py``, pooling in ``pooling.py`` and the normalisation
layers in ``norm.py``; importing this module registers all of them.
"""
from __future__ import annotations

import math

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from .._backend.dtypes import DTYPE_TO_CODE, dtype_name
from ..base import MXNetError
from .attrs import Bool, Enum, Float, Int, OptFloat, Shape
from .registry import register

# ============================================================================ helpers
# (also used by conv.py, pooling.py and norm.py)


def _is_float(dtype) -> bool:
    return jnp.issubdtype(dtype, jnp.floating)


def _dname(dtype) -> str:
    return dtype_name(np.dtype(dtype))


def _require_float(x) -> None:
    """MXNet's error for integer data in a floating-point-only kernel."""
    if not _is_float(x.dtype):
        raise MXNetError(f"This operation only support floating point types, not "
                         f"{_dname(x.dtype)}")


def _shape_list(shape) -> str:
    """[2,3,4] - how MXNet prints a shape it was given."""
    return "[" + ",".join(str(int(d)) for d in shape) + "]"


def _shape_tuple(shape) -> str:
    """(2,3,4) - how MXNet prints a shape it inferred."""
    return "(" + ",".join(str(int(d)) for d in shape) + (",)" if len(shape) == 1 else ")")


def _shape_mismatch(given, inferred, tuple_style=True) -> MXNetError:
    inf = _shape_tuple(inferred) if tuple_style else _shape_list(inferred)
    return MXNetError(f"Shape inconsistent, Provided = {_shape_list(given)}, inferred shape={inf}")


def _n_inputs_error(op_name: str, got: int, need: int) -> MXNetError:
    return MXNetError(
        f"Check failed: num_inputs == infered_num_inputs ({got} vs. {need}) : Operator "
        f"{op_name} expects {need} inputs, but got {got} instead.")


def _check_n_inputs(op_name: str, arrays, need: int) -> None:
    if len(arrays) != need:
        raise _n_inputs_error(op_name, len(arrays), need)


def _uniform_type(arrays, names, expected=None) -> None:
    """MXNet's 'This layer requires uniform type' check (conv, deconv, BatchNorm...)."""
    exp = np.dtype(expected if expected is not None else arrays[0].dtype)
    for i, a in enumerate(arrays):
        if i == 0 and expected is None:
            continue
        got = np.dtype(a.dtype)
        if got != exp:
            raise MXNetError(
                f"Check failed: (*in_type)[i] == dtype ({DTYPE_TO_CODE.get(got, -1)} vs. "
                f"{DTYPE_TO_CODE.get(exp, -1)}) : This layer requires uniform type. Expected "
                f"'{_dname(exp)}' v.s. given '{_dname(got)}' at '{names[i]}'")


def _acc_dtype(dtype):
    """Accumulation dtype: float16/bfloat16 compute in float32 (as MXNet's AType)."""
    d = np.dtype(dtype)
    return jnp.float32 if d.itemsize < 4 else d


def _channel_shape(ndim: int, axis: int) -> tuple:
    """A broadcastable (1, C, 1, ...) shape for a per-channel vector on ``axis``."""
    return tuple(-1 if i == axis else 1 for i in range(ndim))


def _int_index(x):
    """Float indices/lengths as MXNet reads them: truncated toward zero."""
    if jnp.issubdtype(x.dtype, jnp.integer):
        return x.astype(jnp.int32)
    return jnp.trunc(x).astype(jnp.int32)


class OptBool(Bool):
    """MXNet's 'boolean or None' attribute (None stays None)."""

    kind = "boolean or None"

    def parse(self, value):
        if value is None or value == "None":
            return None
        return super().parse(value)

    def to_str(self, value):
        return "None" if value is None else super().to_str(value)


class NonNegInt(Int):
    kind = "int (non-negative)"


class NonNegLong(Int):
    kind = "long (non-negative)"


class Double(Float):
    kind = "double"


class OptDouble(OptFloat):
    kind = "double or None"


# ============================================================================ FullyConnected


def _fc_check(arrays, attrs):
    _check_n_inputs("FullyConnected", arrays, 2 if attrs["no_bias"] else 3)
    data, weight = arrays[0], arrays[1]
    if not _is_float(data.dtype):
        raise MXNetError(f"Unsupported type {DTYPE_TO_CODE.get(np.dtype(data.dtype), -1)}")
    nh = attrs["num_hidden"]
    if attrs["flatten"]:
        k = math.prod(data.shape[1:]) if data.ndim > 1 else 1
    else:
        k = data.shape[-1] if data.ndim else 1
    if tuple(weight.shape) != (nh, k):
        raise _shape_mismatch(weight.shape, (nh, k))
    if len(arrays) == 3 and tuple(arrays[2].shape) != (nh,):
        raise MXNetError(f"Unexpected shape for bias {_shape_list(arrays[2].shape)}")


@register("FullyConnected", ("data", "weight", "bias"),
          attrs={"num_hidden": Int(), "no_bias": Bool(False), "flatten": Bool(True)},
          params=("weight", "bias"), check=_fc_check)
def _fully_connected(data, weight, bias=None, *, num_hidden, no_bias, flatten):
    """Dense layer: ``out = data . weight^T + bias`` (weight is (num_hidden, in))."""
    if flatten:
        x = data.reshape((data.shape[0], -1)) if data.ndim != 1 else data.reshape((-1, 1))
    else:
        x = data
    out = jnp.matmul(x, weight.T)
    if bias is not None and not no_bias:
        out = out + bias
    return out.astype(data.dtype)


# ============================================================================ activations

def _float_check(arrays, attrs):
    for a in arrays[:1]:
        _require_float(a)


_ACTS = {
    "relu": lambda x: jnp.where(x > 0, x, jnp.zeros((), x.dtype)),
    "sigmoid": jax.nn.sigmoid,
    "tanh": jnp.tanh,
    "softrelu": jax.nn.softplus,
    "softsign": lambda x: x / (1 + jnp.abs(x)),
}


@register("Activation", attrs={"act_type": Enum(tuple(_ACTS))}, check=_float_check)
def _activation(data, *, act_type):
    """Elementwise activation: relu, sigmoid, tanh, softrelu (softplus) or softsign."""
    return _ACTS[act_type](data).astype(data.dtype)


_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_LAMBDA = 1.0507009873554804934193349852946


def _leaky_check(arrays, attrs):
    need = 2 if attrs["act_type"] == "prelu" else 1
    _check_n_inputs("LeakyReLU", arrays, need)
    _require_float(arrays[0])
    if need == 2:
        data, gamma = arrays
        if np.dtype(gamma.dtype) != np.dtype(data.dtype):
            raise MXNetError(f"Type inconsistent, Provided = {_dname(gamma.dtype)}, "
                             f"inferred type = {_dname(data.dtype)}")
        c = data.shape[1] if data.ndim > 1 else 1
        if gamma.size != 1 and (gamma.ndim != 1 or gamma.shape[0] != c):
            raise _shape_mismatch(gamma.shape, (c,))


def _leaky_outputs(attrs):
    return 2 if attrs["act_type"] == "rrelu" else 1


@register("LeakyReLU", ("data", "gamma"),
          attrs={"act_type": Enum(("elu", "gelu", "leaky", "prelu", "rrelu", "selu"), "leaky"),
                 "slope": Float(0.25), "lower_bound": Float(0.125),
                 "upper_bound": Float(0.334)},
          num_outputs=_leaky_outputs, params=("gamma",), check=_leaky_check, same_dtype=False,
          train_aware=True, needs_key=lambda attrs, train: train and attrs["act_type"] == "rrelu")
def _leaky_relu(data, gamma=None, *, act_type, slope, lower_bound, upper_bound, _train=False,
                key=None):
    """Leaky ReLU family. ``rrelu`` returns (output, slopes) like MXNet; in predict mode its
    slope is (lower_bound + upper_bound) / 2 and the second output is zeros."""
    x = data
    zero = jnp.zeros((), x.dtype)
    if act_type == "leaky":
        return jnp.where(x > 0, x, x * jnp.asarray(slope, x.dtype))
    if act_type == "prelu":
        g = gamma.reshape(()) if gamma.size == 1 else gamma.reshape(_channel_shape(x.ndim, 1))
        return jnp.where(x > 0, x, x * g)
    # elu/selu: x = 0 takes the exponential branch, whose slope there is what MXNet's
    # backward gives (alpha, lambda*alpha); positive x is masked out of expm1.
    if act_type == "elu":
        neg = jnp.expm1(jnp.where(x > 0, zero, x))
        return jnp.where(x > 0, x, jnp.asarray(slope, x.dtype) * neg)
    if act_type == "selu":
        neg = _SELU_ALPHA * jnp.expm1(jnp.where(x > 0, zero, x))
        return (_SELU_LAMBDA * jnp.where(x > 0, x, neg)).astype(x.dtype)
    if act_type == "gelu":
        xf = x.astype(_acc_dtype(x.dtype))
        return (0.5 * xf * (1 + lax.erf(xf / math.sqrt(2.0)))).astype(x.dtype)
    # rrelu
    if _train:
        mask = jax.random.uniform(key, x.shape, _acc_dtype(x.dtype), lower_bound,
                                  upper_bound).astype(x.dtype)
        return jnp.where(x > 0, x, x * mask), mask
    s = jnp.asarray((lower_bound + upper_bound) / 2.0, x.dtype)
    return jnp.where(x > 0, x, x * s), jnp.zeros_like(x)


# ============================================================================ Dropout

def _dropout_check(arrays, attrs):
    p = attrs["p"]
    if not (0.0 <= p <= 1.0):
        raise MXNetError(
            f"value {p:g} for Parameter p exceed bound [0,1]\np: Fraction of the input that "
            f"gets dropped out during training time., in operator Dropout(name=\"\", "
            f"mode=\"{attrs['mode']}\", p=\"{p:g}\")")
    x = arrays[0]
    _require_float(x)
    for a in attrs["axes"]:
        if not 0 <= a < x.ndim:
            raise MXNetError(f"Check failed: i >= 0 && i < ndim(): index = {a} must be in "
                             f"range [0, {x.ndim})")


@register("Dropout",
          attrs={"p": Float(0.5), "mode": Enum(("always", "training"), "training"),
                 "axes": Shape(()), "cudnn_off": OptBool(False)},
          check=_dropout_check, train_aware=True,
          needs_key=lambda attrs, train: train or attrs["mode"] == "always")
def _dropout(data, *, p, mode, axes, cudnn_off, _train=False, key=None):
    """Inverted dropout: keeps each value with probability 1-p and scales it by 1/(1-p).

    Active in training mode, or always with ``mode='always'``; the mask is shared
    (broadcast) along ``axes``. ``p=1`` gives NaN as in MXNet (0/0)."""
    if not (_train or mode == "always") or p == 0.0:
        return data
    if p == 1.0:  # MXNet divides the zero mask by 1-p = 0
        return data * jnp.asarray(jnp.nan, data.dtype)
    shape = tuple(1 if i in axes else d for i, d in enumerate(data.shape))
    keep = jax.random.bernoulli(key, 1.0 - p, shape)
    acc = _acc_dtype(data.dtype)
    scale = keep.astype(acc) / jnp.asarray(1.0 - p, acc)
    return (data.astype(acc) * scale).astype(data.dtype)


# ============================================================================ Embedding

def _embedding_check(arrays, attrs):
    _check_n_inputs("Embedding", arrays, 2)
    w = arrays[1]
    want = (attrs["input_dim"], attrs["output_dim"])
    if tuple(w.shape) != want:
        raise _shape_mismatch(w.shape, want)


@register("Embedding", ("data", "weight"),
          attrs={"input_dim": Int(), "output_dim": Int(),
                 "dtype": Enum(("bfloat16", "float16", "float32", "float64", "int32", "int64",
                                "int8", "uint8"), "float32"),
                 "sparse_grad": Bool(False)},
          params=("weight",), same_dtype=False, check=_embedding_check)
def _embedding(data, weight, *, input_dim, output_dim, dtype, sparse_grad):
    """Row lookup ``weight[data]``; indices are truncated and clipped to [0, input_dim)."""
    idx = jnp.clip(_int_index(lax.stop_gradient(data)), 0, input_dim - 1)
    return jnp.take(weight, idx, axis=0)


# ============================================================================ softmax family

def _axis_check(x, axis):
    nd = x.ndim
    if not (-nd <= axis < nd):
        raise MXNetError(f"Check failed: axis < ndim && axis >= -ndim: axis {axis} exceeds "
                         f"the input dimension of {nd}")


def _softmax_check_for(name):
    def check(arrays, attrs):
        use_len = bool(attrs.get("use_length"))
        if name != "softmax" and use_len:
            raise MXNetError("Check failed: in_attrs->size() == softmax_use_length(attrs) ? "
                             "2U : 1U (1 vs. 2) : ")
        _check_n_inputs(name, arrays, 2 if use_len else 1)
        x = arrays[0]
        _require_float(x)
        _axis_check(x, attrs["axis"])
        if use_len:
            ln = arrays[1]
            if not jnp.issubdtype(ln.dtype, jnp.integer):
                raise MXNetError(f"This operation only support integer types, not "
                                 f"{_dname(ln.dtype)}")
            ax = attrs["axis"] % x.ndim
            want = tuple(d for i, d in enumerate(x.shape) if i != ax)
            if tuple(ln.shape) != want:
                raise MXNetError(f"Shape inconsistent, Provided = {_shape_list(ln.shape)}, "
                                 f"inferred shape={_shape_list(want)}")
    return check


def _softmax_core(data, length, axis, temperature, dtype, mode):
    """mode: 'softmax', 'log_softmax' or 'softmin'."""
    out_dtype = np.dtype(dtype) if dtype is not None else np.dtype(data.dtype)
    acc = np.promote_types(np.dtype(_acc_dtype(data.dtype)), np.dtype(_acc_dtype(out_dtype)))
    x = data.astype(acc)
    if mode == "softmin":
        x = -x
    if temperature is not None and temperature != 1.0:
        x = x / jnp.asarray(temperature, acc)
    axis = axis % data.ndim
    if length is None:
        if mode == "log_softmax":
            return jax.nn.log_softmax(x, axis=axis).astype(out_dtype)
        return jax.nn.softmax(x, axis=axis).astype(out_dtype)
    pos = lax.broadcasted_iota(jnp.int32, x.shape, axis)
    valid = pos < jnp.expand_dims(length.astype(jnp.int32), axis)
    xm = jnp.where(valid, x, -jnp.inf)
    mx = lax.stop_gradient(jnp.max(xm, axis=axis, keepdims=True))
    mx = jnp.where(jnp.isfinite(mx), mx, jnp.zeros_like(mx))
    e = jnp.where(valid, jnp.exp(x - mx), jnp.zeros_like(x))
    s = jnp.sum(e, axis=axis, keepdims=True)
    out = e / jnp.where(s > 0, s, jnp.ones_like(s))
    return out.astype(out_dtype)


_SOFTMAX_ATTRS = {
    "axis": Int(-1), "temperature": OptDouble(None),
    "dtype": Enum(("float16", "float32", "float64"), None, allow_none=True),
    "use_length": OptBool(False),
}


@register("softmax", ("data", "length"), attrs=dict(_SOFTMAX_ATTRS), same_dtype=False,
          check=_softmax_check_for("softmax"))
def _softmax(data, length=None, *, axis, temperature, dtype, use_length):
    """Softmax along ``axis`` with optional temperature, output dtype and length mask
    (positions at or beyond ``length`` get 0)."""
    return _softmax_core(data, length if use_length else None, axis, temperature, dtype,
                         "softmax")


@register("log_softmax", attrs=dict(_SOFTMAX_ATTRS), check=_softmax_check_for("log_softmax"))
def _log_softmax(data, *, axis, temperature, dtype, use_length):
    """Log of the softmax along ``axis``."""
    return _softmax_core(data, None, axis, temperature, dtype, "log_softmax")


@register("softmin", attrs=dict(_SOFTMAX_ATTRS), check=_softmax_check_for("softmin"))
def _softmin(data, *, axis, temperature, dtype, use_length):
    """Softmax of the negated input."""
    return _softmax_core(data, None, axis, temperature, dtype, "softmin")


def _softmax_activation_check(arrays, attrs):
    x = arrays[0]
    _require_float(x)
    if attrs["mode"] == "channel" and x.ndim < 3:
        raise MXNetError(f"Check failed: in_data.ndim() >= 3 ({x.ndim} vs. 3) : Input need to "
                         f"have a least 3 dimensions when mode=channel")


@register("SoftmaxActivation", attrs={"mode": Enum(("channel", "instance"), "instance")},
          check=_softmax_activation_check)
def _softmax_activation(data, *, mode):
    """Softmax over the last axis (mode='instance') or over axis 1 (mode='channel')."""
    acc = _acc_dtype(data.dtype)
    axis = 1 if mode == "channel" else data.ndim - 1
    return jax.nn.softmax(data.astype(acc), axis=axis).astype(data.dtype)


# ============================================================================ loss "output" layers
# Their forward is a plain transform; their backward is MXNet's rule, which ignores the head
# gradient (except SoftmaxOutput with out_grad=True) and never reaches the label.


def _with_output_grad(forward, grad_rule):
    """f(data, label) = forward(data), with d f / d data := grad_rule(out, label, head)."""

    @jax.custom_vjp
    def f(data, label):
        return forward(data)

    def fwd(data, label):
        out = forward(data)
        return out, (out, label)

    def bwd(res, g):
        out, label = res
        grad = grad_rule(out, label, g)
        return grad.astype(out.dtype), jnp.zeros_like(label)

    f.defvjp(fwd, bwd)
    return f


def _uniform_label_check(op_name):
    def check(arrays, attrs):
        _check_n_inputs(op_name, arrays, 2)
        _require_float(arrays[0])
        _uniform_type(arrays, ("data", "label"))
    return check


def _softmax_output_check(arrays, attrs):
    _check_n_inputs("SoftmaxOutput", arrays, 2)
    data, label = arrays
    _require_float(data)
    _uniform_type(arrays, ("data", "label"))
    ds, ls = tuple(data.shape), tuple(label.shape)
    if attrs["multi_output"]:
        n = ds[0]
        rest = ds[2:]
        flat = (n, int(np.prod(rest, dtype=np.int64)))
        full = (n,) + rest
        if ls != flat and ls != full:
            raise MXNetError(f"Expecting {_shape_list(flat)} or {_shape_list(full)}. But got "
                             f"{_shape_list(ls)}")
    else:
        want = ds[:-1]
        if ls != want and ls != ds:
            raise MXNetError(f"Shape inconsistent, Provided = {_shape_list(ls)}, inferred "
                             f"shape={_shape_list(want)}")


@register("SoftmaxOutput", ("data", "label"), aliases=("Softmax",),
          attrs={"grad_scale": Float(1.0), "ignore_label": Float(-1.0),
                 "multi_output": Bool(False), "use_ignore": Bool(False),
                 "preserve_shape": Bool(False),
                 "normalization": Enum(("batch", "null", "valid"), "null"),
                 "out_grad": Bool(False), "smooth_alpha": Float(0.0)},
          same_dtype=False, check=_softmax_output_check)
def _softmax_output(data, label, *, grad_scale, ignore_label, multi_output, use_ignore,
                    preserve_shape, normalization, out_grad, smooth_alpha):
    """Softmax forward; MXNet's cross-entropy gradient ``(softmax - onehot(label))`` backward.

    The head gradient is ignored unless ``out_grad``; ``normalization`` divides by 1, the
    batch size or the number of non-ignored labels; ``smooth_alpha`` smooths the one-hot
    target (not in multi_output mode, as in MXNet); a label of the data's own shape is a
    probability target (then only ``grad_scale`` applies)."""
    shape = data.shape
    acc = _acc_dtype(data.dtype)

    def forward(x):
        xf = x.astype(acc)
        if multi_output:
            out = jax.nn.softmax(xf, axis=1)
        elif preserve_shape or x.ndim < 2:
            out = jax.nn.softmax(xf, axis=-1)
        else:
            out = jax.nn.softmax(xf.reshape((shape[0], -1)), axis=-1).reshape(shape)
        return out.astype(x.dtype)

    def rule(out, label, g):
        o = out.astype(acc)
        lab = label.astype(acc)
        if label.shape == out.shape:  # probability targets
            grad = (o - lab) * grad_scale
        elif multi_output:
            n, k = shape[0], shape[1]
            o3 = o.reshape((n, k, -1))
            lab2 = lab.reshape((n, -1))
            s = o3.shape[2]
            li = _int_index(lab2)
            onehot = jax.nn.one_hot(li, k, dtype=acc, axis=1)  # (n, k, s)
            grad = o3 - onehot
            if use_ignore:
                keep = (lab2 != jnp.asarray(ignore_label, acc)).astype(acc)
                grad = grad * keep[:, None, :]
            if normalization == "valid":
                if use_ignore:
                    cnt = jnp.sum(lab2 != jnp.asarray(ignore_label, acc)).astype(acc)
                else:
                    cnt = jnp.asarray(float(n * s), acc)
                grad = grad * (grad_scale / jnp.maximum(cnt, 1.0))
            elif normalization == "batch":
                grad = grad * (grad_scale / (n * s))
            else:
                grad = grad * (grad_scale / s)
            grad = grad.reshape(shape)
        else:
            if preserve_shape or out.ndim < 2:
                rows = o.reshape((-1, shape[-1]))
            else:
                rows = o.reshape((shape[0], -1))
            r, k = rows.shape
            flat = lab.reshape((-1,))
            lr = flat[:r] if flat.shape[0] >= r else jnp.pad(flat, (0, r - flat.shape[0]))
            li = _int_index(lr)
            onehot = jax.nn.one_hot(li, k, dtype=acc)
            if smooth_alpha != 0.0:
                target = onehot * (1.0 - smooth_alpha) + (1.0 - onehot) * (smooth_alpha / (k - 1))
                target = jnp.where(((li >= 0) & (li < k))[:, None], target, 0.0)
            else:
                target = onehot
            grad = rows - target
            if use_ignore:
                grad = grad * (lr != jnp.asarray(ignore_label, acc)).astype(acc)[:, None]
            if normalization == "valid":
                if use_ignore:
                    cnt = jnp.sum(flat != jnp.asarray(ignore_label, acc)).astype(acc)
                else:
                    cnt = jnp.asarray(float(flat.shape[0]), acc)
                grad = grad * (grad_scale / jnp.maximum(cnt, 1.0))
            elif normalization == "batch":
                grad = grad * (grad_scale / flat.shape[0])
            else:
                grad = grad * grad_scale
            grad = grad.reshape(shape)
        if out_grad:
            # MXNet 1.9.1 multiplies by its own output here, not by the head gradient
            # (the buffer it reads is the output's); kept for identical training results.
            grad = grad * o
        return grad

    return _with_output_grad(forward, rule)(data, label)


def _regression_check(op_name):
    def check(arrays, attrs):
        _check_n_inputs(op_name, arrays, 2)
        data, label = arrays
        _require_float(data)
        ds, ls = tuple(data.shape), tuple(label.shape)
        ok = (len(ls) > 0 and len(ds) > 0 and ls[0] == ds[0]
              and int(np.prod(ls, dtype=np.int64)) == int(np.prod(ds, dtype=np.int64)))
        if not ok:
            raise MXNetError(f"Shape inconsistent, Provided={_shape_list(ls)}, inferred "
                             f"shape={_shape_list(ds)}")
    return check


def _register_regression(name, forward, residual, doc):
    def op(data, label, *, grad_scale):
        def rule(out, lab, g):
            num_output = max(lab.size // lab.shape[0], 1) if lab.ndim else 1
            o = out.astype(_acc_dtype(out.dtype))
            return residual(o, lab.reshape(out.shape).astype(o.dtype)) * (grad_scale / num_output)
        return _with_output_grad(forward, rule)(data, label)

    op.__doc__ = doc
    register(name, ("data", "label"), attrs={"grad_scale": Float(1.0)},
             check=_regression_check(name))(op)


_register_regression(
    "LinearRegressionOutput", lambda x: x, lambda o, y: o - y,
    "Identity forward; backward (out - label) * grad_scale / num_output.")
_register_regression(
    "LogisticRegressionOutput", lambda x: jax.nn.sigmoid(x).astype(x.dtype), lambda o, y: o - y,
    "Sigmoid forward; backward (out - label) * grad_scale / num_output.")
_register_regression(
    "MAERegressionOutput", lambda x: x,
    lambda o, y: jnp.where(o - y > 0, jnp.ones_like(o), -jnp.ones_like(o)),
    "Identity forward; backward sign(out - label) * grad_scale / num_output "
    "(sign(0) is -1, as in MXNet).")


def _sce_check(arrays, attrs):
    _check_n_inputs("softmax_cross_entropy", arrays, 2)
    data, label = arrays
    if data.ndim != 2:
        raise MXNetError(f"Check failed: (*in_attrs)[0].ndim() == 2U ({data.ndim} vs. 2) : "
                         f"SoftmaxCrossEntropy only accept 2D data")
    if label.ndim != 1:
        raise MXNetError(f"Check failed: (*in_attrs)[1].ndim() == 1U ({label.ndim} vs. 1) : "
                         f"SoftmaxCrossEntropy only accept 1D label")
    if data.shape[0] != label.shape[0]:
        raise MXNetError(f"SoftmaxCrossEntropy: Check failed: (*in_attrs)[0][0] == "
                         f"(*in_attrs)[1][0] ({data.shape[0]} vs. {label.shape[0]}) : data "
                         f"label shape mismatch")
    _require_float(data)


@register("softmax_cross_entropy", ("data", "label"), check=_sce_check)
def _softmax_cross_entropy(data, label):
    """Sum over the batch of -log(softmax(data)[label]); shape (1,)."""
    acc = _acc_dtype(data.dtype)
    logp = jax.nn.log_softmax(data.astype(acc), axis=-1)
    li = _int_index(lax.stop_gradient(label))
    picked = jnp.take_along_axis(logp, jnp.clip(li, 0, data.shape[1] - 1)[:, None], axis=1)
    picked = jnp.where(((li >= 0) & (li < data.shape[1]))[:, None], picked, 0.0)
    return (-jnp.sum(picked)).reshape((1,)).astype(data.dtype)


# ============================================================================ Sequence*

def _sequence_check(op_name, axes_allowed, axis_msg):
    def check(arrays, attrs):
        use = attrs["use_sequence_length"]
        _check_n_inputs(op_name, arrays, 2 if use else 1)
        x = arrays[0]
        axis = attrs["axis"]
        if axis not in axes_allowed:
            raise MXNetError(axis_msg.format(axis=axis))
        if x.ndim < 2:
            raise MXNetError(f"{op_name}: data must have at least 2 dimensions "
                             f"(sequence, batch), got shape {_shape_list(x.shape)}")
        if use:
            ln = arrays[1]
            batch = x.shape[1 - axis]
            if tuple(ln.shape) != (batch,):
                raise MXNetError(f"Shape inconsistent, Provided = {_shape_list(ln.shape)}, "
                                 f"inferred shape={_shape_list((batch,))}")
    return check


_SEQ01 = ("Check failed: (param_.axis == 0) || (param_.axis == 1): Current implementation "
          "expects axis to be 0 or 1.")


def _seq_positions(x, axis):
    """(T-index array broadcastable against x, batch axis) for sequence axis 0 or 1."""
    return lax.broadcasted_iota(jnp.int32, x.shape, axis), 1 - axis


def _expand_len(length, x, batch_axis):
    shape = [1] * x.ndim
    shape[batch_axis] = x.shape[batch_axis]
    return length.reshape(shape)


@register("SequenceMask", ("data", "sequence_length"),
          attrs={"use_sequence_length": Bool(False), "value": Float(0.0), "axis": Int(0)},
          same_dtype=False, check=_sequence_check("SequenceMask", (0, 1), _SEQ01))
def _sequence_mask(data, sequence_length=None, *, use_sequence_length, value, axis):
    """Set the steps at or beyond each sequence's length to ``value``."""
    if not use_sequence_length:
        return data
    pos, b = _seq_positions(data, axis)
    ln = _expand_len(_int_index(lax.stop_gradient(sequence_length)), data, b)
    return jnp.where(pos < ln, data, jnp.asarray(value).astype(data.dtype))


@register("SequenceLast", ("data", "sequence_length"),
          attrs={"use_sequence_length": Bool(False), "axis": Int(0)},
          same_dtype=False, check=_sequence_check("SequenceLast", (0, 1), _SEQ01))
def _sequence_last(data, sequence_length=None, *, use_sequence_length, axis):
    """The last valid step of each sequence (the sequence axis is removed)."""
    t = data.shape[axis]
    if not use_sequence_length:
        return lax.index_in_dim(data, t - 1, axis, keepdims=False)
    idx = jnp.clip(_int_index(lax.stop_gradient(sequence_length)) - 1, 0, t - 1)
    xb = jnp.moveaxis(data, axis, 1) if axis == 0 else data  # (batch, T, ...)
    return jnp.take_along_axis(
        xb, idx.reshape((-1, 1) + (1,) * (xb.ndim - 2)), axis=1).squeeze(1)


@register("SequenceReverse", ("data", "sequence_length"),
          attrs={"use_sequence_length": Bool(False), "axis": Int(0)},
          same_dtype=False,
          check=_sequence_check("SequenceReverse", (0,),
                                "Check failed: param_.axis == 0 ({axis} vs. 0) : Current "
                                "implementation expects axis to be 0."))
def _sequence_reverse(data, sequence_length=None, *, use_sequence_length, axis):
    """Reverse the first ``length`` steps of each sequence (axis 0); the rest stay."""
    t = data.shape[0]
    if not use_sequence_length:
        return jnp.flip(data, 0)
    ln = jnp.clip(_int_index(lax.stop_gradient(sequence_length)), 0, t)  # (batch,)
    pos = jnp.arange(t, dtype=jnp.int32)[:, None]                            # (T, 1)
    src = jnp.where(pos < ln[None, :], ln[None, :] - 1 - pos, pos)           # (T, batch)
    src = src.reshape(src.shape + (1,) * (data.ndim - 2))
    return jnp.take_along_axis(data, jnp.broadcast_to(src, src.shape), axis=0)


# ============================================================================ UpSampling

def _upsampling_check(arrays, attrs):
    scale = attrs["scale"]
    if scale < 1:
        raise MXNetError(f"value {scale} for Parameter scale should be greater equal to 1\n"
                         f"scale: Up sampling scale, in operator UpSampling(name=\"\", "
                         f"sample_type=\"{attrs['sample_type']}\", num_args=\"{len(arrays)}\", "
                         f"scale=\"{scale}\")")
    if attrs["num_args"] != len(arrays):
        raise _n_inputs_error("UpSampling", len(arrays), attrs["num_args"])
    for a in arrays:
        _require_float(a)
    x = arrays[0]
    if attrs["sample_type"] == "nearest":
        oh, ow = None, None
        for a in arrays:
            if a.ndim != 4:
                raise MXNetError(f"UpSamplingNearest: Check failed: shape.ndim() == 4U "
                                 f"({a.ndim} vs. 4) : Input data should be 4D in (batch, "
                                 f"channel, y, x)")
        oh, ow = x.shape[2] * scale, x.shape[3] * scale
        for a in arrays[1:]:
            s = oh // a.shape[2]
            got = (a.shape[0], a.shape[1], a.shape[2] * s, a.shape[3] * s)
            want = (a.shape[0], a.shape[1], oh, ow)
            if got != want:
                raise MXNetError(
                    f"Assignment: Check failed: eshape[0] == 0 || eshape == dshape: Shape of "
                    f"Tensors are not consistent with target, eshape: {_shape_tuple(got)} "
                    f"dshape:{_shape_tuple(want)}")
            if a.shape[0] != x.shape[0]:
                raise MXNetError("UpSampling: all inputs must have the same batch size")
            if attrs["multi_input_mode"] == "sum" and a.shape[1] != x.shape[1]:
                raise MXNetError("Check failed: oshape[1] == 0 || oshape[1] == shape[1]: "
                                 "Number of channels must be the same when "
                                 "multi_input_mode==sum")
    else:
        if len(arrays) != 2:
            raise _n_inputs_error("UpSampling", len(arrays), 2)
        if x.ndim != 4:
            raise MXNetError(f"Check failed: dshape.ndim() == 4U ({x.ndim} vs. 4) : "
                             f"UpSamplingBilinear: Input data should be 4D in (batch, "
                             f"channel, y, x)")
        nf = attrs["num_filter"]
        if nf < 1 or nf != x.shape[1]:
            raise MXNetError(f"UpSampling bilinear: num_filter ({nf}) must equal the number of "
                             f"input channels ({x.shape[1]})")
        k = 2 * scale - scale % 2
        want = (nf, 1, k, k)
        if tuple(arrays[1].shape) != want:
            raise _shape_mismatch(arrays[1].shape, want)
        _uniform_type(arrays, ("data", "weight"))


@register("UpSampling", ("data",), variadic="num_args",
          attrs={"scale": Int(), "num_filter": Int(0),
                 "sample_type": Enum(("bilinear", "nearest")),
                 "multi_input_mode": Enum(("concat", "sum"), "concat"),
                 "num_args": Int(), "workspace": NonNegLong(512)},
          check=_upsampling_check)
def _upsampling(*data, scale, num_filter, sample_type, multi_input_mode, num_args, workspace):
    """Nearest-neighbour upsampling of every input to ``scale`` x the first input's size
    (concatenated on channels or summed), or bilinear upsampling of (data, weight) as a
    grouped Deconvolution with kernel 2*scale - scale%2, stride scale,
    pad ceil((scale-1)/2)."""
    if sample_type == "bilinear":
        from . import conv as _conv
        x, w = data[0], data[1]
        k = 2 * scale - scale % 2
        p = int(math.ceil((scale - 1) / 2.0))
        return _conv.deconvolution_nd(x, w, None, kernel=(k, k), stride=(scale, scale),
                                      dilate=(1, 1), pad=(p, p), adj=(0, 0),
                                      num_group=num_filter, layout="NCHW")
    oh = data[0].shape[2] * scale
    ups = []
    for a in data:
        s = oh // a.shape[2]
        ups.append(jnp.repeat(jnp.repeat(a, s, axis=2), s, axis=3))
    if len(ups) == 1:
        return ups[0]
    if multi_input_mode == "sum":
        out = ups[0]
        for u in ups[1:]:
            out = out + u
        return out
    return jnp.concatenate(ups, axis=1)


# ============================================================================ CTCLoss

def _ctc_check(arrays, attrs):
    need = 2 + int(attrs["use_data_lengths"]) + int(attrs["use_label_lengths"])
    _check_n_inputs("CTCLoss", arrays, need)
    data, label = arrays[0], arrays[1]
    _require_float(data)
    if data.ndim != 3:
        raise MXNetError(f"Check failed: dshape.ndim() == 3U ({data.ndim} vs. 3) : The "
                         f"number of dimensions of the data array must be 3.")
    if label.ndim != 2:
        raise MXNetError(f"Check failed: lshape.ndim() == 2U ({label.ndim} vs. 2) : The "
                         f"number of dimensions of the label array must be 2.")
    if label.shape[0] != data.shape[1]:
        raise MXNetError(f"Check failed: dshape[1] == lshape[0] ({data.shape[1]} vs. "
                         f"{label.shape[0]}) : The batch size for the labels and data "
                         f"arrays must be the same.")
    if label.shape[1] > data.shape[0]:
        raise MXNetError(f"Check failed: dshape[0] >= lshape[1] ({data.shape[0]} vs. "
                         f"{label.shape[1]}) : The max number of labels cannot exceed the "
                         f"maximum sequence length of the data.")
    for a in arrays[2:]:
        if tuple(a.shape) != (data.shape[1],):
            raise MXNetError(f"Shape inconsistent, Provided = {_shape_list(a.shape)}, "
                             f"inferred shape={_shape_list((data.shape[1],))}")


_CTC_NEG = -1e30


@register("CTCLoss", ("data", "label", "data_lengths", "label_lengths"), aliases=("ctc_loss",),
          attrs={"use_data_lengths": Bool(False), "use_label_lengths": Bool(False),
                 "blank_label": Enum(("first", "last"), "first")},
          same_dtype=False, check=_ctc_check)
def _ctc_loss(data, label, data_lengths=None, label_lengths=None, *, use_data_lengths,
              use_label_lengths, blank_label):
    """Connectionist temporal classification loss per batch element.

    data: (T, N, alphabet) unnormalised activations (softmax is applied inside); label:
    (N, L). With blank_label='first' the blank is class 0 and labels are padded with 0;
    with 'last' the blank is the last class and the padding is -1. Lengths given as inputs
    take precedence over padding. As in MXNet, when only ``use_label_lengths`` is set the
    third input is the label lengths."""
    if use_label_lengths and not use_data_lengths:
        label_lengths, data_lengths = data_lengths, None
    t_max, n, a = data.shape
    l_max = label.shape[1]
    acc = _acc_dtype(data.dtype)
    logp = jax.nn.log_softmax(data.astype(acc), axis=-1)          # (T, N, A)
    blank = 0 if blank_label == "first" else a - 1
    lab = _int_index(lax.stop_gradient(label))                  # (N, L)
    if use_label_lengths:
        llen = _int_index(lax.stop_gradient(label_lengths))
    else:
        pad = 0 if blank_label == "first" else -1
        is_pad = lab == pad
        first = jnp.argmax(is_pad, axis=1).astype(jnp.int32)
        llen = jnp.where(jnp.any(is_pad, axis=1), first, l_max)
    llen = jnp.clip(llen, 0, l_max)
    if use_data_lengths:
        dlen = jnp.clip(_int_index(lax.stop_gradient(data_lengths)), 0, t_max)
    else:
        dlen = jnp.full((n,), t_max, jnp.int32)
    s_max = 2 * l_max + 1
    # extended label sequence: blank, l1, blank, l2, ..., blank
    ext = jnp.full((n, s_max), blank, jnp.int32)
    ext = ext.at[:, 1::2].set(jnp.clip(lab, 0, a - 1))
    s_idx = jnp.arange(s_max)
    s_len = 2 * llen + 1
    valid_s = s_idx[None, :] < s_len[:, None]
    prev2 = jnp.concatenate([jnp.full((n, 2), -1, jnp.int32), ext[:, :-2]], axis=1)
    can_skip = (ext != blank) & (ext != prev2) & (s_idx[None, :] >= 2)
    neg = jnp.asarray(_CTC_NEG, acc)
    # log-probabilities of the extended labels at every step: (T, N, S)
    emit = jnp.take_along_axis(logp, jnp.broadcast_to(ext[None], (t_max, n, s_max)), axis=2)
    pad1 = jnp.full((n, 1), neg)
    pad2 = jnp.full((n, 2), neg)
    alpha0 = jnp.where(valid_s & (s_idx[None, :] < 2), emit[0], neg)

    def step(alpha, inp):
        em, active = inp
        a1 = jnp.concatenate([pad1, alpha[:, :-1]], axis=1)
        a2 = jnp.where(can_skip, jnp.concatenate([pad2, alpha[:, :-2]], axis=1), neg)
        new = jnp.logaddexp(jnp.logaddexp(alpha, a1), a2) + em
        new = jnp.where(valid_s, jnp.maximum(new, neg), neg)
        return jnp.where(active[:, None], new, alpha), None

    steps = jnp.arange(1, t_max)
    alpha, _ = lax.scan(step, alpha0, (emit[1:], steps[:, None] < dlen[None, :]))
    last = jnp.take_along_axis(alpha, (s_len - 1)[:, None], axis=1)[:, 0]
    before = jnp.take_along_axis(alpha, jnp.maximum(s_len - 2, 0)[:, None], axis=1)[:, 0]
    before = jnp.where(llen > 0, before, neg)
    ll = jnp.logaddexp(last, before)
    # Like warp-ctc, an alignment that cannot fit (labels + repeats > steps) costs 0.
    pos = jnp.arange(l_max)[None, :]
    repeats = jnp.sum((pos >= 1) & (pos < llen[:, None])
                      & (lab == jnp.roll(lab, 1, axis=1)), axis=1)
    feasible = (llen + repeats <= dlen) & (dlen > 0)
    loss = jnp.where(feasible, -ll, jnp.zeros_like(ll))
    return loss.astype(data.dtype)


# Register the other operator families (they import the helpers above).
from . import conv, pooling, norm  # noqa: E402,F401
