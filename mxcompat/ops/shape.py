"""Shape manipulation: reshape (with MXNet's special codes), transpose, concat, split..."""
from __future__ import annotations

import numpy as np
import jax.numpy as jnp


from ..base import MXNetError
from .attrs import Any_, Bool, Dtype, Int, OptInt, Shape
from .registry import register


# ----------------------------------------------------------------------------- reshape
def infer_reshape(src: tuple, target: tuple, reverse: bool = False) -> tuple:
    """Resolve MXNet's reshape codes 0, -1, -2, -3, -4 against the input shape."""
    src = tuple(int(s) for s in src)
    target = tuple(int(t) for t in target)
    if reverse:
        src, target = src[::-1], target[::-1]
    out: list = []
    infer_at = -1
    i = j = 0
    n = len(target)
    try:
        while j < n:
            t = target[j]
            if t > 0:
                out.append(t)
                i += 1
            elif t == 0:
                out.append(src[i])
                i += 1
            elif t == -1:
                if infer_at >= 0:
                    raise MXNetError(f"Check failed: inf_idx < 0 ({infer_at} vs. 0) : One "
                                     "and only one dim can be inferred")
                infer_at = len(out)
                out.append(-1)
                i += 1
            elif t == -2:
                out.extend(src[i:])
                i = len(src)
            elif t == -3:
                out.append(src[i] * src[i + 1])
                i += 2
            elif t == -4:
                d0, d1, d2 = src[i], target[j + 1], target[j + 2]
                if d1 == -1:
                    d1 = d0 // d2 if d2 else 0
                if d2 == -1:
                    d2 = d0 // d1 if d1 else 0
                if d1 * d2 != d0:
                    raise MXNetError("Check failed: d1 * d2 == static_cast<IType>(d0) || "
                                     "static_cast<IType>(d0) == IType(-1): Split dims "
                                     f"{d1}, {d2} do not divide original dim {d0}")
                out.extend((d1, d2))
                i += 1
                j += 2
            else:
                raise MXNetError(f"Invalid reshape code {t}")
            j += 1
    except IndexError:
        raise MXNetError(f"Check failed: src_idx < dshape_len ({i} vs. {len(src)}) : reshape "
                         f"target {tuple(target)} does not fit the input shape "
                         f"{tuple(src)}") from None
    if infer_at >= 0:
        total = int(np.prod(src, dtype=np.int64))
        rest = int(np.prod([d for k, d in enumerate(out) if k != infer_at], dtype=np.int64))
        out[infer_at] = total // rest if rest else 0
    if reverse:
        out = out[::-1]
    return tuple(out)


def _reshape_check(arrays, attrs):
    x = arrays[0]
    new = infer_reshape(x.shape, attrs["shape"], attrs["reverse"])
    if int(np.prod(new, dtype=np.int64)) > x.size:
        raise MXNetError(
            f"Check failed: oshape.Size() <= dshape.Size() ({int(np.prod(new))} vs. "
            f"{x.size}) : Target shape size is larger than the source. Target: {new}\n"
            f"Source: {tuple(x.shape)}")


@register("Reshape", aliases=("reshape",), check=_reshape_check,
          attrs={"shape": Shape(()), "reverse": Bool(False),
                 "target_shape": Shape(()), "keep_highest": Bool(False)})
def _reshape(data, shape, reverse, target_shape, keep_highest):
    new = infer_reshape(data.shape, shape, reverse)
    size = int(np.prod(new, dtype=np.int64))
    if size < data.size:  # MXNet's operator keeps the leading elements
        return data.reshape(-1)[:size].reshape(new)
    return data.reshape(new)


@register("reshape_like", ("lhs", "rhs"), same_dtype=False)
def _reshape_like(lhs, rhs):
    return lhs.reshape(rhs.shape)


@register("Flatten", aliases=("flatten",))
def _flatten(data):
    if data.ndim == 0:
        return data.reshape((1, 1))
    return data.reshape((data.shape[0], -1))


def _expand_dims_check(arrays, attrs):
    nd_ = arrays[0].ndim
    ax = attrs["axis"]
    if not -(nd_ + 1) <= ax <= nd_:
        raise MXNetError(f"Check failed: axis >= 0 && axis <= indim: axis must be in the "
                         f"range [{-nd_}, {nd_}] ({ax} provided)")


@register("expand_dims", attrs={"axis": Int()}, check=_expand_dims_check)
def _expand_dims(data, axis):
    return jnp.expand_dims(data, axis)


@register("squeeze", attrs={"axis": Shape(None, allow_none=True)})
def _squeeze(data, axis):
    if axis is None:
        axes = tuple(i for i, d in enumerate(data.shape) if d == 1)
    else:
        axes = tuple(a % data.ndim for a in axis)
        for a in axes:
            if data.shape[a] != 1:
                raise MXNetError(f"Check failed: dshape[axes[i]] == 1 ({data.shape[a]} vs. "
                                 f"1) : cannot select an axis to squeeze out which has "
                                 f"size={data.shape[a]} not equal to one")
    res = jnp.squeeze(data, axes)
    return res.reshape((1,)) if res.ndim == 0 else res


@register("transpose", attrs={"axes": Shape(())})
def _transpose(data, axes):
    if not axes:
        return jnp.transpose(data)
    if sorted(a % data.ndim for a in axes) != list(range(data.ndim)) or any(
            a >= data.ndim for a in axes):
        raise MXNetError(f"Check failed: param.axes[i] < static_cast<int64_t>(shp.ndim()): "
                         f"axes {tuple(axes)} is not a permutation of the {data.ndim} axes")
    return jnp.transpose(data, axes)


@register("SwapAxis", aliases=("swapaxes",), attrs={"dim1": Int(0), "dim2": Int(0)})
def _swapaxes(data, dim1, dim2):
    return jnp.swapaxes(data, dim1, dim2)


def _concat_check(arrays, attrs):
    dim = attrs["dim"]
    s0 = arrays[0].shape
    nd = len(s0)
    if not -nd <= dim < nd:
        raise MXNetError(f"Check failed: axis < ndim && axis >= -ndim: axis {dim} exceeds the "
                         f"input dimension of {nd}")
    d = dim % nd
    for i, a in enumerate(arrays[1:], 1):
        s = a.shape
        if len(s) != nd or any(s[k] != s0[k] for k in range(nd) if k != d):
            raise MXNetError(
                f"Check failed: shape_assign(&(*in_shape)[i], dshape): Incompatible input "
                f"shape: expected [{','.join(str(x) if k != d else '-1' for k, x in enumerate(s0))}]"
                f", got [{','.join(str(x) for x in s)}]")


@register("Concat", ("data",), variadic="num_args", aliases=("concat",),
          attrs={"num_args": Int(), "dim": Int(1)}, check=_concat_check)
def _concat(*data, num_args, dim):
    return jnp.concatenate(data, axis=dim)


@register("_rnn_param_concat", ("data",), variadic="num_args",
          attrs={"num_args": Int(), "dim": Int(1)}, check=_concat_check)
def _rnn_param_concat(*data, num_args, dim):
    """Concat under the name MXNet's fused RNN layers give the join of their parameters."""
    return jnp.concatenate(data, axis=dim)


def _stack_check(arrays, attrs):
    s0 = arrays[0].shape
    for a in arrays[1:]:
        if a.shape != s0:
            raise MXNetError(
                f"Check failed: shape_assign(&dshape, in_shape[i]): Incompatible input shape:"
                f" expected [{','.join(map(str, s0))}], got [{','.join(map(str, a.shape))}]")


@register("stack", ("data",), variadic="num_args",
          attrs={"axis": Int(0), "num_args": Int()}, check=_stack_check)
def _stack(*data, axis, num_args):
    return jnp.stack(data, axis=axis)


def _split_outputs(attrs):
    return attrs["num_outputs"]


def _split_check(arrays, attrs):
    x = arrays[0]
    if not -x.ndim <= attrs["axis"] < x.ndim:
        raise MXNetError(f"Check failed: param_.axis < dshape.ndim() ({attrs['axis']} vs. "
                         f"{x.ndim}) : axis out of range")
    ax = attrs["axis"] % x.ndim
    n = attrs["num_outputs"]
    if x.shape[ax] % n:
        raise MXNetError(
            f"Check failed: dshape[real_axis] % param_.num_outputs == 0U ({x.shape[ax] % n} "
            f"vs. 0) : You are trying to split the {ax}-th axis of input tensor with shape "
            f"[{','.join(map(str, x.shape))}] into num_outputs={n} evenly sized chunks, but "
            f"this is not possible because {n} does not evenly divide {x.shape[ax]}")


@register("SliceChannel", aliases=("split",), num_outputs=_split_outputs,
          check=_split_check,
          attrs={"num_outputs": Int(), "axis": Int(1), "squeeze_axis": Bool(False)})
def _split(data, num_outputs, axis, squeeze_axis):
    parts = jnp.split(data, num_outputs, axis=axis)
    if squeeze_axis:
        parts = [jnp.squeeze(p, axis) for p in parts]
    return tuple(parts)


@register("_split_v2", num_outputs=lambda attrs: (
    len(attrs["indices"]) if attrs["sections"] == 0 else attrs["sections"]),
    attrs={"indices": Shape(()), "axis": Int(0), "squeeze_axis": Bool(False),
           "sections": Int(0)})
def _split_v2(data, indices, axis, squeeze_axis, sections):
    """Split at the given indices (a leading 0 included), or into ``sections`` parts."""
    if sections > 0:
        parts = jnp.split(data, sections, axis=axis)
    else:
        parts = jnp.split(data, list(indices[1:]), axis=axis)
    if squeeze_axis:
        parts = [jnp.squeeze(p, axis) for p in parts]
    return tuple(parts)


@register("tile", attrs={"reps": Shape()})
def _tile(data, reps):
    return jnp.tile(data, reps)


@register("repeat", attrs={"repeats": Int(), "axis": OptInt(None)})
def _repeat(data, repeats, axis):
    if axis is None:
        return jnp.repeat(data.reshape(-1), repeats)
    return jnp.repeat(data, repeats, axis=axis)


@register("reverse", aliases=("flip",), attrs={"axis": Shape()})
def _flip(data, axis):
    return jnp.flip(data, axis)


def _norm_slice(begin, end, step, shape):
    idx = []
    for k, d in enumerate(shape):
        b = begin[k] if k < len(begin) else None
        e = end[k] if k < len(end) else None
        s = step[k] if k < len(step) and step[k] is not None else None
        idx.append(slice(b, e, s))
    return tuple(idx)



class _OptTuple(Shape):
    """A tuple whose entries may be None, e.g. ``begin=(0, None)``."""

    kind = "Shape(tuple)"

    def parse(self, value):
        if isinstance(value, str):
            import ast
            value = ast.literal_eval(value.strip())
        if isinstance(value, (int, np.integer)) or value is None:
            value = (value,)
        return tuple(None if v is None else int(v) for v in value)


def _slice_check(arrays, attrs):
    nd_ = arrays[0].ndim
    if len(attrs["begin"]) > nd_:
        raise MXNetError(f"Check failed: param_begin.ndim() <= dshape.ndim() "
                         f"({len(attrs['begin'])} vs. {nd_}) : Slicing axis exceeds data "
                         f"dimensions")


def _slice_axis_check(arrays, attrs):
    x = arrays[0]
    axis = attrs["axis"]
    ax = axis + x.ndim if axis < 0 else axis
    if not 0 <= ax < x.ndim:
        raise MXNetError(
            f"Check failed: *axis < ishape.ndim() && *axis >= 0: Transformed axis must be "
            f"smaller than the source ndim and larger than zero! Recieved axis={axis}, "
            f"src_ndim={x.ndim}, transformed axis={ax}")
    n = x.shape[ax]
    b = attrs["begin"] + n if attrs["begin"] < 0 else attrs["begin"]
    e = n if attrs["end"] is None else (attrs["end"] + n if attrs["end"] < 0 else attrs["end"])
    if not b < e:
        raise MXNetError(f"Check failed: (*begin < *end): Invalid begin, end, get begin={b}, "
                         f"end={e}")


@register("slice", aliases=("crop",), check=_slice_check,
          attrs={"begin": _OptTuple(), "end": _OptTuple(), "step": _OptTuple(())})
def _slice(data, begin, end, step):
    return data[_norm_slice(begin, end, step, data.shape)]


@register("slice_axis", attrs={"axis": Int(), "begin": Int(), "end": OptInt()},
          check=_slice_axis_check)
def _slice_axis(data, axis, begin, end):
    idx = [slice(None)] * data.ndim
    idx[axis] = slice(begin, end)
    return data[tuple(idx)]


@register("slice_like", ("data", "shape_like"), same_dtype=False,
          attrs={"axes": Shape(())})
def _slice_like(data, shape_like, axes):
    axes = tuple(a % data.ndim for a in axes) if axes else tuple(range(shape_like.ndim))
    idx = [slice(None)] * data.ndim
    for a in axes:
        idx[a] = slice(0, shape_like.shape[a])
    return data[tuple(idx)]


class Advanced:
    """Marks the position of an index array inside a static index structure."""

    __slots__ = ("pos",)

    def __init__(self, pos: int):
        self.pos = pos

    def __eq__(self, other):
        return isinstance(other, Advanced) and other.pos == self.pos

    def __hash__(self):
        return hash(("adv", self.pos))

    def __repr__(self):
        return f"Advanced({self.pos})"


def to_index(key: tuple, arrays=()) -> tuple:
    """A numpy-style index from a static structure: ('s', start, stop, step) for slices,
    ints, None, and Advanced(i) standing for ``arrays[i]``."""
    idx = []
    for s in key:
        if isinstance(s, tuple):
            idx.append(slice(s[1], s[2], s[3]))
        elif isinstance(s, Advanced):
            idx.append(arrays[s.pos])
        else:
            idx.append(s)
    return tuple(idx)


@register("_index", ("data",), variadic="num_args", same_dtype=False,
          attrs={"num_args": Int(), "key": Any_(()), "scalar_out": Bool(False)})
def _index(data, *arrays, num_args, key, scalar_out):
    """Basic or advanced indexing of ``data`` (NDArray.__getitem__)."""
    arrays = [a if jnp.issubdtype(a.dtype, jnp.integer) else a.astype(jnp.int64)
              for a in arrays]
    res = data[to_index(key, arrays)]
    return res.reshape((1,)) if scalar_out and res.ndim == 0 else res


def _broadcast_to_shape(data, shape):
    shape = tuple(data.shape[k] if s == 0 else s for k, s in enumerate(shape))
    return shape


def _broadcast_to_check(arrays, attrs):
    x = arrays[0]
    shape = attrs["shape"]
    if len(shape) != x.ndim:
        raise MXNetError(f"Check failed: ishape.ndim() == param.shape.ndim() ({x.ndim} vs. "
                         f"{len(shape)}) : Operand of shape {_dims(x.shape)} cannot be "
                         f"broadcasted to {_dims(shape)}")
    for d, s in zip(x.shape, shape):
        if s != 0 and d != s and d != 1:
            raise MXNetError(f"Check failed: ishape[i] == oshape[i] || ishape[i] == 1: "
                             f"Array cannot be broadcasted from {_dims(x.shape)} to "
                             f"{_dims(shape)}")


def _dims(shape) -> str:
    return "[" + ",".join(str(int(d)) for d in shape) + "]"


def _broadcast_like_check(arrays, attrs):
    lhs, rhs = arrays
    if attrs["lhs_axes"] is None and lhs.ndim != rhs.ndim:
        raise MXNetError(f"Check failed: lhs_shape.ndim() == rhs_shape.ndim() ({lhs.ndim} vs. "
                         f"{rhs.ndim}) : Operand of shape {_dims(lhs.shape)} cannot be "
                         f"broadcasted to {_dims(rhs.shape)}")


@register("broadcast_to", attrs={"shape": Shape(())}, check=_broadcast_to_check)
def _broadcast_to(data, shape):
    return jnp.broadcast_to(data, _broadcast_to_shape(data, shape))


@register("broadcast_like", ("lhs", "rhs"), same_dtype=False, check=_broadcast_like_check,
          attrs={"lhs_axes": Shape(None, allow_none=True),
                 "rhs_axes": Shape(None, allow_none=True)})
def _broadcast_like(lhs, rhs, lhs_axes, rhs_axes):
    if lhs_axes is None:
        return jnp.broadcast_to(lhs, rhs.shape)
    shape = list(lhs.shape)
    for la, ra in zip(lhs_axes, rhs_axes):
        shape[la] = rhs.shape[ra]
    return jnp.broadcast_to(lhs, tuple(shape))


@register("broadcast_axis", aliases=("broadcast_axes",),
          attrs={"axis": Shape(()), "size": Shape(())})
def _broadcast_axis(data, axis, size):
    shape = list(data.shape)
    for a, s in zip(axis, size):
        a = a % data.ndim
        if shape[a] != 1:
            raise MXNetError(f"Check failed: dst_shape[axis] == 1U ({shape[a]} vs. 1) : "
                             f"Cannot broadcast the axis {a} which has size {shape[a]}")
        shape[a] = s
    return jnp.broadcast_to(data, tuple(shape))


@register("Cast", aliases=("cast",), attrs={"dtype": Dtype()}, same_dtype=False)
def _cast(data, dtype):
    return data.astype(dtype)


@register("shape_array", differentiable=False)
def _shape_array(data):
    return jnp.asarray(data.shape, dtype=jnp.int64)


@register("size_array", differentiable=False)
def _size_array(data):
    return jnp.asarray([data.size], dtype=jnp.int64)


@register("diag", attrs={"k": Int(0), "axis1": Int(0), "axis2": Int(1)})
def _diag(data, k, axis1, axis2):
    if data.ndim == 1:
        return jnp.diag(data, k)
    return jnp.diagonal(data, k, axis1, axis2)


@register("depth_to_space", attrs={"block_size": Int()})
def _depth_to_space(data, block_size):
    n, c, h, w = data.shape
    b = block_size
    x = data.reshape(n, b, b, c // (b * b), h, w)
    x = jnp.transpose(x, (0, 3, 4, 1, 5, 2))
    return x.reshape(n, c // (b * b), h * b, w * b)


@register("space_to_depth", attrs={"block_size": Int()})
def _space_to_depth(data, block_size):
    n, c, h, w = data.shape
    b = block_size
    x = data.reshape(n, c, h // b, b, w // b, b)
    x = jnp.transpose(x, (0, 3, 5, 1, 2, 4))
    return x.reshape(n, c * b * b, h // b, w // b)


