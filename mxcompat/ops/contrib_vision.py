"""``mx.nd.contrib`` detection and image operators: boxes (IoU, NMS, encode/decode,
bipartite matching, anchors), ROIAlign, adaptive average pooling and bilinear resizing.

The greedy algorithms (NMS, bipartite matching) run as one ``lax`` loop over the sorted
candidates inside the compiled kernel.
"""
from __future__ import annotations

import math

import jax
import jax.numpy as jnp
from jax import lax

from ..base import MXNetError
from .attrs import Bool, Enum, Float, FloatTuple, Int, OptFloat, Shape
from .registry import register

__all__: list = []

_FMT = ("center", "corner")


def _to_corner(b):
    """(x, y, w, h) -> (x0, y0, x1, y1) on the last axis."""
    x, y, w, h = b[..., 0], b[..., 1], b[..., 2] / 2, b[..., 3] / 2
    return jnp.stack([x - w, y - h, x + w, y + h], axis=-1)


def _to_center(b):
    x0, y0, x1, y1 = b[..., 0], b[..., 1], b[..., 2], b[..., 3]
    return jnp.stack([(x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0], axis=-1)


def _pair_iou(a, b):
    """IoU of every corner box of ``a`` (..., 4) with every one of ``b`` (..., 4):
    shape a.shape[:-1] + b.shape[:-1]."""
    a = a.reshape(a.shape[:-1] + (1,) * (b.ndim - 1) + (4,))
    ix = jnp.maximum(jnp.minimum(a[..., 2], b[..., 2]) - jnp.maximum(a[..., 0], b[..., 0]), 0)
    iy = jnp.maximum(jnp.minimum(a[..., 3], b[..., 3]) - jnp.maximum(a[..., 1], b[..., 1]), 0)
    inter = ix * iy
    area_a = (a[..., 2] - a[..., 0]) * (a[..., 3] - a[..., 1])
    area_b = (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])
    union = area_a + area_b - inter
    return jnp.where(union > 0, inter / jnp.where(union > 0, union, 1), 0).astype(a.dtype)


# ----------------------------------------------------------------------------- box_iou
def _last_dim_check(names, sep):
    def check(arrays, attrs):
        for name, a in zip(names, arrays):
            if a.shape[-1] != 4:
                raise MXNetError(f"Check failed: ldim == 4 ({a.shape[-1]} vs. 4) : last "
                                 f"dimension of {name} must be 4{sep} {a.shape[-1]} provided")
    return check


def _index_range_check(axis):
    """MXNet's failure when a 4-D operator indexes axis ``axis`` of a smaller input."""
    def check(arrays, attrs):
        nd = arrays[0].ndim
        if nd <= axis:
            raise MXNetError(f"Check failed: i >= 0 && i < ndim(): index = {axis} must be in "
                             f"range [0, {nd})")
    return check


@register("_contrib_box_iou", ("lhs", "rhs"), differentiable=False,
          check=_last_dim_check(("lhs", "rhs"), ""),
          attrs={"format": Enum(_FMT, "corner")})
def _box_iou(lhs, rhs, *, format):
    """Pairwise intersection over union (zero gradient, as MXNet)."""
    if format == "center":
        lhs, rhs = _to_corner(lhs), _to_corner(rhs)
    return _pair_iou(lhs, rhs)


# ----------------------------------------------------------------------------- box_nms
def _nms_one(d, *, overlap_thresh, valid_thresh, topk, coord_start, score_index, id_index,
             background_id, force_suppress, in_format, out_format):
    """NMS of one (N, K) block: kept rows sorted by score, then rows of -1."""
    n = d.shape[0]
    score = d[:, score_index]
    valid = score > valid_thresh
    if id_index >= 0:
        cid = d[:, id_index]
        valid = valid & (cid >= 0)
        if background_id >= 0:
            valid = valid & (cid != background_id)
    order = jnp.argsort(jnp.where(valid, -score, jnp.inf), stable=True)
    s = d[order]
    sval = valid[order]
    m = min(topk, n) if topk > 0 else n  # only the top-k candidates take part
    boxes = s[:m, coord_start:coord_start + 4]
    corner = _to_corner(boxes) if in_format == "center" else boxes
    over = _pair_iou(corner, corner) > overlap_thresh
    if id_index >= 0 and not force_suppress:
        ids = s[:m, id_index]
        over = over & (ids[:, None] == ids[None, :])
    idx = jnp.arange(m)

    def body(i, keep):
        # box i survives when it is valid and no earlier kept box overlaps it
        hit = jnp.any(keep & over[:, i] & (idx < i))
        return keep.at[i].set(sval[i] & ~hit)

    keep = lax.fori_loop(0, m, body, jnp.zeros((m,), bool))
    keep = jnp.concatenate([keep, jnp.zeros((n - m,), bool)])
    # kept rows first (in score order), then -1 rows
    pos = jnp.argsort(~keep, stable=True)
    out = s[pos]
    if in_format != out_format:
        conv = _to_corner if out_format == "corner" else _to_center
        out = out.at[:, coord_start:coord_start + 4].set(
            conv(out[:, coord_start:coord_start + 4]))
    return jnp.where(keep[pos][:, None], out, jnp.asarray(-1, d.dtype))


@register("_contrib_box_nms", ("data",), aliases=("_contrib_box_non_maximum_suppression",),
          attrs={"overlap_thresh": Float(0.5), "valid_thresh": Float(0.0), "topk": Int(-1),
                 "coord_start": Int(2), "score_index": Int(1), "id_index": Int(-1),
                 "background_id": Int(-1), "force_suppress": Bool(False),
                 "in_format": Enum(_FMT, "corner"), "out_format": Enum(_FMT, "corner")})
def _box_nms(data, **kw):
    """Greedy non-maximum suppression over the last two axes (N boxes, K values each).

    The gradient flows to the input rows that were kept, as MXNet's."""
    lead = data.shape[:-2]
    flat = data.reshape((-1,) + data.shape[-2:])
    out = jax.vmap(lambda d: _nms_one(d, **kw))(flat)
    return out.reshape(lead + data.shape[-2:])


# ----------------------------------------------------------------------------- encode / decode
@register("_contrib_box_encode", ("samples", "matches", "anchors", "refs", "means", "stds"),
          num_outputs=2, differentiable=False, same_dtype=False)
def _box_encode(samples, matches, anchors, refs, means, stds):
    """Regression targets of matched reference boxes against corner anchors, and masks
    (1 for positive samples)."""
    idx = matches.astype(jnp.int32)
    ref = jnp.take_along_axis(refs, jnp.clip(idx, 0, refs.shape[1] - 1)[..., None], axis=1)
    a = _to_center(anchors)
    g = _to_center(ref)
    t = jnp.stack([(g[..., 0] - a[..., 0]) / a[..., 2], (g[..., 1] - a[..., 1]) / a[..., 3],
                   jnp.log(g[..., 2] / a[..., 2]), jnp.log(g[..., 3] / a[..., 3])], axis=-1)
    t = (t - means) / stds
    pos = (samples > 0.5)[..., None]
    dt = anchors.dtype
    return (jnp.where(pos, t, 0).astype(dt),
            jnp.broadcast_to(pos, t.shape).astype(dt))


@register("_contrib_box_decode", ("data", "anchors"), differentiable=False,
          check=_last_dim_check(("data",), ","),
          attrs={"std0": Float(1.0), "std1": Float(1.0), "std2": Float(1.0),
                 "std3": Float(1.0), "clip": Float(-1.0), "format": Enum(_FMT, "center")})
def _box_decode(data, anchors, *, std0, std1, std2, std3, clip, format):
    """Corner boxes from regression offsets ``data`` (B, N, 4) and anchors (1 or B, N, 4)
    given in ``format``."""
    a = _to_center(anchors) if format == "corner" else anchors
    x = a[..., 0] + data[..., 0] * std0 * a[..., 2]
    y = a[..., 1] + data[..., 1] * std1 * a[..., 3]
    dw, dh = data[..., 2] * std2, data[..., 3] * std3
    if clip > 0:
        dw, dh = jnp.minimum(dw, clip), jnp.minimum(dh, clip)
    w = jnp.exp(dw) * a[..., 2] / 2
    h = jnp.exp(dh) * a[..., 3] / 2
    return jnp.stack([x - w, y - h, x + w, y + h], axis=-1).astype(data.dtype)


# ----------------------------------------------------------------------------- bipartite
def _match_one(s, *, is_ascend, threshold, topk):
    n, m = s.shape
    flat = s.reshape(-1)
    order = jnp.argsort(flat if is_ascend else -flat, stable=True)
    limit = topk + 1 if topk > 0 else n * m + 1  # MXNet stops once more than topk matched

    def body(k, st):
        rows, cols, count, stop = st
        e = order[k].astype(jnp.int32)
        r, c = e // m, e % m
        v = flat[e]
        ok = (v <= threshold) if is_ascend else (v >= threshold)
        stop = stop | ~ok
        take = ~stop & (rows[r] < 0) & (cols[c] < 0)
        rows = jnp.where(take, rows.at[r].set(c), rows)
        cols = jnp.where(take, cols.at[c].set(r), cols)
        count = count + take.astype(jnp.int32)
        stop = stop | (count >= limit)
        return rows, cols, count, stop

    init = (jnp.full((n,), -1, jnp.int32), jnp.full((m,), -1, jnp.int32), jnp.int32(0),
            jnp.bool_(False))
    rows, cols, _, _ = lax.fori_loop(0, n * m, body, init)
    return rows.astype(s.dtype), cols.astype(s.dtype)


@register("_contrib_bipartite_matching", ("data",), num_outputs=2, differentiable=False,
          attrs={"is_ascend": Bool(False), "threshold": Float(), "topk": Int(-1)})
def _bipartite_matching(data, *, is_ascend, threshold, topk):
    """Greedy matching on a score matrix (..., N, M): (row -> column, column -> row),
    -1 where unmatched."""
    lead = data.shape[:-2]
    flat = data.reshape((-1,) + data.shape[-2:])
    r, c = jax.vmap(lambda s: _match_one(s, is_ascend=is_ascend, threshold=threshold,
                                         topk=topk))(flat)
    return r.reshape(lead + r.shape[-1:]), c.reshape(lead + c.shape[-1:])


# ----------------------------------------------------------------------------- MultiBoxPrior
_TYPE_FLAGS = {"float32": 0, "float64": 1, "float16": 2, "uint8": 3, "int32": 4, "int8": 5,
               "int64": 6}


def _prior_check(arrays, attrs):
    data = arrays[0]
    name = str(data.dtype)
    if name != "float32":  # (MXNet's message, its odd "mshadow: :" included)
        raise MXNetError("Check failed: in_type->at(i) == mshadow: :default_type_flag || "
                         "in_type->at(i) == -1: Unsupported data type "
                         f"{_TYPE_FLAGS.get(name, -1)}")
    if data.ndim < 4:
        raise MXNetError(f"Check failed: dshape.ndim() >= 4 ({data.ndim} vs. 4) : Input data "
                         "should be 4D: batch-channel-y-x")


@register("_contrib_MultiBoxPrior", ("data",), differentiable=False, check=_prior_check,
          attrs={"sizes": FloatTuple((1.0,)), "ratios": FloatTuple((1.0,)),
                 "clip": Bool(False), "steps": FloatTuple((-1.0, -1.0)),
                 "offsets": FloatTuple((0.5, 0.5))})
def _multibox_prior(data, *, sizes, ratios, clip, steps, offsets):
    """Anchor boxes (1, H*W*(len(sizes)+len(ratios)-1), 4) in corner format."""
    h, w = data.shape[2], data.shape[3]
    sy = steps[0] if steps[0] > 0 else 1.0 / h
    sx = steps[1] if steps[1] > 0 else 1.0 / w
    # half extents per anchor kind: every size with the first ratio, then the first size
    # with the other ratios
    kinds = [(s, ratios[0]) for s in sizes] + [(sizes[0], r) for r in ratios[1:]]
    hw = jnp.array([s * h / w * math.sqrt(r) / 2 for s, r in kinds], jnp.float32)
    hh = jnp.array([s / math.sqrt(r) / 2 for s, r in kinds], jnp.float32)
    cy = (jnp.arange(h, dtype=jnp.float32) + offsets[0]) * sy
    cx = (jnp.arange(w, dtype=jnp.float32) + offsets[1]) * sx
    cy = cy[:, None, None]
    cx = cx[None, :, None]
    shape = (h, w, len(kinds))
    box = jnp.stack([jnp.broadcast_to(cx - hw, shape), jnp.broadcast_to(cy - hh, shape),
                     jnp.broadcast_to(cx + hw, shape), jnp.broadcast_to(cy + hh, shape)],
                    axis=-1)
    if clip:
        box = jnp.clip(box, 0.0, 1.0)
    return box.reshape((1, -1, 4)).astype(data.dtype)


# ----------------------------------------------------------------------------- ROIAlign
def _bilinear_at(img, y, x):
    """Sample img (C, H, W) at float positions y, x (same shape S): (C,) + S, with
    ROIAlign's border rules (0 outside [-1, size], clamped inside)."""
    hgt, wid = img.shape[1], img.shape[2]
    out = (y < -1.0) | (y > hgt) | (x < -1.0) | (x > wid)
    y = jnp.maximum(y, 0.0)
    x = jnp.maximum(x, 0.0)
    y0 = jnp.floor(y).astype(jnp.int32)
    x0 = jnp.floor(x).astype(jnp.int32)
    ytop = y0 >= hgt - 1
    xtop = x0 >= wid - 1
    y0 = jnp.where(ytop, hgt - 1, y0)
    x0 = jnp.where(xtop, wid - 1, x0)
    y1 = jnp.where(ytop, hgt - 1, y0 + 1)
    x1 = jnp.where(xtop, wid - 1, x0 + 1)
    y = jnp.where(ytop, y0.astype(y.dtype), y)
    x = jnp.where(xtop, x0.astype(x.dtype), x)
    ly, lx = y - y0, x - x0
    hy, hx = 1 - ly, 1 - lx
    v = (img[:, y0, x0] * (hy * hx) + img[:, y0, x1] * (hy * lx)
         + img[:, y1, x0] * (ly * hx) + img[:, y1, x1] * (ly * lx))
    return jnp.where(out, 0, v)


def _roi_align(data, rois, *, pooled_size, spatial_scale, sample_ratio, position_sensitive,
               aligned):
    ph, pw = pooled_size
    n, c, hgt, wid = data.shape
    dt = data.dtype
    rois = lax.stop_gradient(rois).astype(dt)
    if sample_ratio > 0:
        gh = gw = sample_ratio
    else:  # adaptive grid: at most ceil(size / pooled) + 1 samples per bin for rois that
        # lie inside the image (see docs/differences.md)
        gh, gw = -(-hgt // ph) + 1, -(-wid // pw) + 1
    off = 0.5 if aligned else 0.0
    c_out = c // (ph * pw) if position_sensitive else c

    def one(roi):
        b = jnp.maximum(roi[0].astype(jnp.int32), 0)
        x0 = roi[1] * spatial_scale - off
        y0 = roi[2] * spatial_scale - off
        rw = roi[3] * spatial_scale - off - x0
        rh = roi[4] * spatial_scale - off - y0
        if not aligned:
            rw, rh = jnp.maximum(rw, 1.0), jnp.maximum(rh, 1.0)
        bh, bw = rh / ph, rw / pw
        if sample_ratio > 0:
            nh = jnp.asarray(gh, dt)
            nw = jnp.asarray(gw, dt)
        else:
            nh = jnp.ceil(rh / ph)
            nw = jnp.ceil(rw / pw)
        iy = jnp.arange(gh, dtype=dt)
        ix = jnp.arange(gw, dtype=dt)
        # sample positions: (ph, gh) and (pw, gw)
        ys = y0 + jnp.arange(ph, dtype=dt)[:, None] * bh + (iy[None, :] + 0.5) * bh / nh
        xs = x0 + jnp.arange(pw, dtype=dt)[:, None] * bw + (ix[None, :] + 0.5) * bw / nw
        my = (iy < nh).astype(dt)
        mx = (ix < nw).astype(dt)
        Y = jnp.broadcast_to(ys[:, :, None, None], (ph, gh, pw, gw))
        X = jnp.broadcast_to(xs[None, None, :, :], (ph, gh, pw, gw))
        img = data[b]
        v = _bilinear_at(img, Y, X)                                  # (C, ph, gh, pw, gw)
        wgt = my[None, :, None, None] * mx[None, None, None, :]
        count = jnp.maximum(nh * nw, 1.0)
        pooled = jnp.sum(v * wgt, axis=(2, 4)) / count               # (C, ph, pw)
        if position_sensitive:
            pooled = pooled.reshape((c_out, ph, pw, ph, pw))
            i = jnp.arange(ph)[:, None]
            j = jnp.arange(pw)[None, :]
            pooled = pooled[:, i, j, i, j]
        return jnp.where(roi[0] < 0, 0, pooled)   # MXNet skips rois with batch index < 0

    return jax.vmap(one)(rois).astype(dt)


def _roi_align_check(arrays, attrs):
    data, rois = arrays[0], arrays[1]
    if data.ndim != 4:
        raise MXNetError(f"Check failed: dshape.ndim() == 4 ({data.ndim} vs. 4) : data "
                         "should be a 4D tensor")
    if rois.ndim != 2:
        raise MXNetError(f"Check failed: bshape.ndim() == 2 ({rois.ndim} vs. 2) : bbox "
                         "should be a 2D tensor of shape [batch, 5]")
    if rois.shape[1] != 5:
        raise MXNetError(f"Check failed: bshape[1] == 5 ({rois.shape[1]} vs. 5) : bbox "
                         "should be a 2D tensor of shape [batch, 5]")
    ph, pw = attrs["pooled_size"]
    if attrs["position_sensitive"] and data.shape[1] % (ph * pw):
        raise MXNetError("Check failed: dshape[1] % (pooled_size[0] * pooled_size[1]) == 0")


@register("_contrib_ROIAlign", ("data", "rois"), same_dtype=False, check=_roi_align_check,
          attrs={"pooled_size": Shape(), "spatial_scale": Float(), "sample_ratio": Int(-1),
                 "position_sensitive": Bool(False), "aligned": Bool(False)})
def _roialign(data, rois, **kw):
    """Region features by bilinear sampling averaged per output bin (Mask R-CNN). The
    gradient flows to ``data`` only."""
    return _roi_align(data, rois, **kw)


# ----------------------------------------------------------------------------- pooling / resize
def _adaptive_matrix(n_in, n_out, dtype):
    """(n_out, n_in) averaging matrix over bins [floor(i*n/m), ceil((i+1)*n/m))."""
    i = jnp.arange(n_out)
    start = (i * n_in) // n_out
    end = -((-(i + 1) * n_in) // n_out)
    j = jnp.arange(n_in)
    inside = (j[None, :] >= start[:, None]) & (j[None, :] < end[:, None])
    return (inside / (end - start)[:, None]).astype(dtype)


@register("_contrib_AdaptiveAvgPooling2D", ("data",), check=_index_range_check(3),
          attrs={"output_size": Shape(())})
def _adaptive_avg_pool(data, *, output_size):
    """Average pooling to a fixed output size (NCHW); () means 1x1, one int a square."""
    if len(output_size) == 0:
        oh = ow = 1
    elif len(output_size) == 1:
        oh = ow = output_size[0]
    else:
        oh, ow = output_size
    mh = _adaptive_matrix(data.shape[2], oh, data.dtype)
    mw = _adaptive_matrix(data.shape[3], ow, data.dtype)
    return jnp.einsum("ih,nchw,jw->ncij", mh, data, mw)


_RESIZE_MODES = ("size", "like", "odd_scale", "to_even_down", "to_even_up", "to_odd_down",
                 "to_odd_up")


def _resize_dim(n, mode, size, scale):
    if mode == "size":
        return int(n * scale) if scale is not None else size
    if mode == "odd_scale":
        return int((n - 1) * scale) + 1 if n % 2 else int(n * scale)
    if mode == "to_even_down":
        return n - n % 2
    if mode == "to_even_up":
        return n + n % 2
    if mode == "to_odd_down":
        return n - 1 + n % 2
    return n + 1 - n % 2  # to_odd_up


def _interp_matrix(n_in, n_out, align_corners, dtype):
    """(n_out, n_in) linear-interpolation weights."""
    i = jnp.arange(n_out, dtype=dtype)
    if align_corners:
        src = i * ((n_in - 1) / (n_out - 1)) if n_out > 1 else jnp.zeros_like(i)
    else:
        src = jnp.maximum((i + 0.5) * (n_in / n_out) - 0.5, 0.0)
    lo = jnp.minimum(jnp.floor(src).astype(jnp.int32), n_in - 1)
    hi = jnp.minimum(lo + 1, n_in - 1)
    frac = src - lo
    eye = jnp.eye(n_in, dtype=dtype)
    return (eye[lo] * (1 - frac)[:, None] + eye[hi] * frac[:, None]).astype(dtype)


def _resize_check(arrays, attrs):
    if attrs["mode"] == "like" and len(arrays) < 2:
        raise MXNetError("Check failed: num_inputs == infered_num_inputs (1 vs. 2) : Operator "
                         "_contrib_BilinearResize2D expects 2 inputs, but got 1 instead.")
    _index_range_check(3)(arrays, attrs)


@register("_contrib_BilinearResize2D", ("data", "like"), same_dtype=False,
          check=_resize_check,
          attrs={"height": Int(1), "width": Int(1), "scale_height": OptFloat(None),
                 "scale_width": OptFloat(None), "mode": Enum(_RESIZE_MODES, "size"),
                 "align_corners": Bool(True)})
def _bilinear_resize(data, like=None, *, height, width, scale_height, scale_width, mode,
                     align_corners):
    """Bilinear resize of NCHW images to a size given by ``mode``."""
    h, w = data.shape[2], data.shape[3]
    if mode == "like":
        oh, ow = like.shape[2], like.shape[3]
    else:
        oh = _resize_dim(h, mode, height, scale_height)
        ow = _resize_dim(w, mode, width, scale_width)
    mh = _interp_matrix(h, oh, align_corners, data.dtype)
    mw = _interp_matrix(w, ow, align_corners, data.dtype)
    return jnp.einsum("ih,nchw,jw->ncij", mh, data, mw)


# ----------------------------------------------------------------------------- Crop
def _crop_box(arrays, offset, h_w, center_crop):
    data = arrays[0]
    hgt, wid = data.shape[2], data.shape[3]
    if len(arrays) > 1:
        ch, cw = arrays[1].shape[2], arrays[1].shape[3]
    else:
        ch, cw = h_w
    if center_crop:
        oy, ox = (hgt - ch) // 2, (wid - cw) // 2
    else:
        oy, ox = offset
    return oy, ox, ch, cw


def _crop_check(arrays, attrs):
    if len(arrays) != attrs["num_args"]:
        raise MXNetError(f"Check failed: in_attrs->size() == num_args ({len(arrays)} vs. "
                         f"{attrs['num_args']})")
    data = arrays[0]
    oy, ox, ch, cw = _crop_box(arrays, attrs["offset"], attrs["h_w"], attrs["center_crop"])
    for k, (size, full, what) in enumerate(((ch, data.shape[2], "height"),
                                            (cw, data.shape[3], "width"))):
        if size > full:
            raise MXNetError(f"Check failed: static_cast<int>(param_.h_w[{k}]) <= "
                             f"static_cast<int>(data_shape[{k + 2}]) ({size} vs. {full}) : "
                             f"the crop {what}(h_w[{k}]) should be less than the input "
                             f"data's {what}")
    for k, (off, room, what) in enumerate(((oy, data.shape[2] - ch, "height"),
                                           (ox, data.shape[3] - cw, "width"))):
        if off > room:
            raise MXNetError(f"Check failed: param_.offset[{k}] <= data_shape[{k + 2}]-"
                             f"out_shape[{k + 2}] ({off} vs. {room}) : offset[{k}] should be "
                             f"less than the residual space of {what}")


@register("Crop", ("data",), variadic="num_args", same_dtype=False, check=_crop_check,
          attrs={"num_args": Int(), "offset": Shape((0, 0)), "h_w": Shape((0, 0)),
                 "center_crop": Bool(False)})
def _crop(*arrays, num_args, offset, h_w, center_crop):
    """Crop NCHW ``data`` to ``h_w`` (or to the size of the second input) at ``offset``
    or at the centre."""
    oy, ox, ch, cw = _crop_box(arrays, offset, h_w, center_crop)
    return arrays[0][:, :, oy:oy + ch, ox:ox + cw]


# ----------------------------------------------------------------------------- im2col / col2im
def _conv_geometry(nsp, stride, dilate, pad):
    return (tuple(stride) or (1,) * nsp, tuple(dilate) or (1,) * nsp, tuple(pad) or (0,) * nsp)


def _im2col_fn(kernel, stride, dilate, pad):
    stride, dilate, pad = _conv_geometry(len(kernel), stride, dilate, pad)

    def f(x):
        p = lax.conv_general_dilated_patches(
            x, filter_shape=tuple(kernel), window_strides=stride,
            padding=[(q, q) for q in pad], rhs_dilation=dilate,
            precision=lax.Precision.HIGHEST)
        return p.reshape(p.shape[:2] + (-1,))
    return f


_COLATTRS = {"kernel": Shape(), "stride": Shape(()), "dilate": Shape(()), "pad": Shape(())}


def _im2col_check(arrays, attrs):
    data = arrays[0]
    kernel = attrs["kernel"]
    _, dilate, pad = _conv_geometry(len(kernel), attrs["stride"], attrs["dilate"],
                                    attrs["pad"])
    for k, d, p, n in zip(kernel, dilate, pad, data.shape[2:]):
        if (k - 1) * d + 1 > n + 2 * p:
            raise MXNetError(f"Check failed: dilated_kernel_size <= pad_size "
                             f"({(k - 1) * d + 1} vs. {n + 2 * p}) : kernel size exceed input")


@register("im2col", ("data",), attrs=dict(_COLATTRS), check=_im2col_check)
def _im2col(data, *, kernel, stride, dilate, pad):
    """Sliding blocks of ``data`` (N, C, *spatial) as columns: (N, C*prod(kernel), L)."""
    return _im2col_fn(kernel, stride, dilate, pad)(data)


@register("col2im", ("data",), attrs={"output_size": Shape(), **_COLATTRS})
def _col2im(data, *, output_size, kernel, stride, dilate, pad):
    """The adjoint of im2col: columns summed back into an image of ``output_size``."""
    n, ck = data.shape[0], data.shape[1]
    c = ck // math.prod(kernel)
    f = _im2col_fn(kernel, stride, dilate, pad)
    shape = jax.ShapeDtypeStruct((n, c) + tuple(output_size), data.dtype)
    return jax.linear_transpose(f, shape)(data)[0]


# ----------------------------------------------------------------------------- spatial sampling
def _affine_grid(theta, hgt, wid):
    """theta (N, 6) -> source coordinates (N, 2, H, W) in [-1, 1] units."""
    dt = theta.dtype
    xs = jnp.linspace(-1.0, 1.0, wid, dtype=dt) if wid > 1 else jnp.full((1,), -1.0, dt)
    ys = jnp.linspace(-1.0, 1.0, hgt, dtype=dt) if hgt > 1 else jnp.full((1,), -1.0, dt)
    gx = jnp.broadcast_to(xs[None, :], (hgt, wid)).reshape(-1)
    gy = jnp.broadcast_to(ys[:, None], (hgt, wid)).reshape(-1)
    base = jnp.stack([gx, gy, jnp.ones_like(gx)])                   # (3, H*W)
    out = theta.reshape(-1, 2, 3) @ base                             # (N, 2, H*W)
    return out.reshape(theta.shape[0], 2, hgt, wid)


def _grid_check(arrays, attrs):
    if attrs["transform_type"] == "affine":
        for k, t in enumerate(attrs["target_shape"]):
            if t <= 0:
                raise MXNetError(f"Check failed: param_.target_shape[{k}] > 0U ({t} vs. 0) : "
                                 f"incorrect target_shape: {t}")


def _sampler_check(arrays, attrs):
    grid = arrays[1]
    if grid.ndim != 4 or grid.shape[1] != 2:
        raise MXNetError(f"Check failed: lshape[1] == 2U ({grid.shape[1]} vs. 2) : "
                         "incorrect grid shape[1], should be 2")


@register("GridGenerator", ("data",), check=_grid_check,
          attrs={"transform_type": Enum(("affine", "warp")), "target_shape": Shape((0, 0))})
def _grid_generator(data, *, transform_type, target_shape):
    """Sampling grid for BilinearSampler: from affine parameters (N, 6) at
    ``target_shape``, or from a pixel flow field (N, 2, H, W)."""
    if transform_type == "affine":
        return _affine_grid(data, *target_shape)
    hgt, wid = data.shape[2], data.shape[3]
    dt = data.dtype
    x = jnp.arange(wid, dtype=dt)[None, None, :] + data[:, 0]
    y = jnp.arange(hgt, dtype=dt)[None, :, None] + data[:, 1]
    return jnp.stack([x / ((wid - 1) / 2) - 1, y / ((hgt - 1) / 2) - 1], axis=1)


def _sample_bilinear(data, grid):
    """Bilinear sampling of data (N, C, H, W) at grid (N, 2, Ho, Wo) ([-1, 1] units),
    zero outside the image."""
    hgt, wid = data.shape[2], data.shape[3]
    x = (grid[:, 0] + 1) * (wid - 1) / 2
    y = (grid[:, 1] + 1) * (hgt - 1) / 2
    x0 = jnp.floor(x)
    y0 = jnp.floor(y)
    fx, fy = x - x0, y - y0
    x0 = x0.astype(jnp.int32)
    y0 = y0.astype(jnp.int32)

    def tap(img, yi, xi):
        ok = (yi >= 0) & (yi < hgt) & (xi >= 0) & (xi < wid)
        v = img[:, jnp.clip(yi, 0, hgt - 1), jnp.clip(xi, 0, wid - 1)]
        return jnp.where(ok, v, 0)

    def one(img, y0, x0, fy, fx):
        return (tap(img, y0, x0) * ((1 - fy) * (1 - fx)) + tap(img, y0, x0 + 1) * ((1 - fy) * fx)
                + tap(img, y0 + 1, x0) * (fy * (1 - fx)) + tap(img, y0 + 1, x0 + 1) * (fy * fx))

    return jax.vmap(one)(data, y0, x0, fy, fx)


@register("BilinearSampler", ("data", "grid"), check=_sampler_check,
          attrs={"cudnn_off": Bool(None)})
def _bilinear_sampler(data, grid, *, cudnn_off):
    """Sample ``data`` at the [-1, 1] coordinates of ``grid`` (x in channel 0, y in 1)."""
    return _sample_bilinear(data, grid)


@register("SpatialTransformer", ("data", "loc"), check=_grid_check,
          attrs={"target_shape": Shape((0, 0)), "transform_type": Enum(("affine",)),
                 "sampler_type": Enum(("bilinear",)), "cudnn_off": Bool(None)})
def _spatial_transformer(data, loc, *, target_shape, transform_type, sampler_type,
                         cudnn_off):
    """Affine grid from ``loc`` (N, 6) at ``target_shape``, then bilinear sampling."""
    return _sample_bilinear(data, _affine_grid(loc, *target_shape))


# ----------------------------------------------------------------------------- Correlation
def _corr_geometry(shape, kernel_size, max_displacement, stride1, stride2, pad_size):
    hp, wp = shape[2] + 2 * pad_size, shape[3] + 2 * pad_size
    border = max_displacement + (kernel_size - 1) // 2
    top_h = -(-(hp - 2 * border) // stride1)
    top_w = -(-(wp - 2 * border) // stride1)
    radius = max_displacement // stride2
    return top_h, top_w, radius


def _corr_check(arrays, attrs):
    a, b = arrays[0], arrays[1]
    if tuple(a.shape) != tuple(b.shape):
        raise MXNetError("Check failed: dshape1 == dshape2: data1 and data2 should have the "
                         "same shape")
    top_h, top_w, _ = _corr_geometry(a.shape, attrs["kernel_size"],
                                     attrs["max_displacement"], attrs["stride1"],
                                     attrs["stride2"], attrs["pad_size"])
    for name, size in (("top_width_", top_w), ("top_height_", top_h)):
        if size < 1:
            raise MXNetError(f"Check failed: {name} >= 1U ({max(size, 0)} vs. 1) : "
                             "Correlation cannot be done with current settings.Neighborhood "
                             "and kernel don't fit in blob")


@register("Correlation", ("data1", "data2"), check=_corr_check,
          attrs={"kernel_size": Int(1), "max_displacement": Int(1), "stride1": Int(1),
                 "stride2": Int(1), "pad_size": Int(0), "is_multiply": Bool(True)})
def _correlation(data1, data2, *, kernel_size, max_displacement, stride1, stride2, pad_size,
                 is_multiply):
    """FlowNet correlation: for every displacement on a (2r+1)^2 grid, the mean over a
    kernel window and the channels of data1 * shifted data2 (or |data1 - data2|)."""
    top_h, top_w, radius = _corr_geometry(data1.shape, kernel_size, max_displacement,
                                          stride1, stride2, pad_size)
    pad = ((0, 0), (0, 0), (pad_size, pad_size), (pad_size, pad_size))
    a, b = jnp.pad(data1, pad), jnp.pad(data2, pad)
    md, k = max_displacement, kernel_size
    ly, lx = (top_h - 1) * stride1 + k, (top_w - 1) * stride1 + k
    win = a[:, :, md:md + ly, md:md + lx]
    maps = []
    for p in range(-radius, radius + 1):          # the displacement grid (static)
        for o in range(-radius, radius + 1):
            dy, dx = p * stride2, o * stride2
            other = b[:, :, md + dy:md + dy + ly, md + dx:md + dx + lx]
            m = win * other if is_multiply else jnp.abs(win - other)
            maps.append(jnp.sum(m, axis=1))
    prod = jnp.stack(maps, axis=1)                 # (N, D, ly, lx)
    summed = 0
    for h in range(k):                             # window sum as k*k strided slices
        for w in range(k):
            summed = summed + prod[:, :, h:h + (top_h - 1) * stride1 + 1:stride1,
                                   w:w + (top_w - 1) * stride1 + 1:stride1]
    return summed / (k * k * data1.shape[1])
