"""mx.nd.contrib operators (ops/contrib.py, ops/contrib_vision.py) and the Python-level
helpers of ndarray/contrib_flow.py. Numbers against MXNet are in the ops_contrib goldens;
this file checks the behaviour around them: dtypes, in-place updates, errors, caching."""
from __future__ import annotations

import numpy as np
import pytest

import mxcompat as mx
from mxcompat.base import MXNetError
from mxcompat.ndarray import contrib_flow as flow
from mxcompat.ops.registry import REGISTRY

nd = mx.nd


def test_namespaces():
    for name in ("box_nms", "box_non_maximum_suppression", "box_iou", "ROIAlign",
                 "MultiBoxPrior", "adamw_update", "AdaptiveAvgPooling2D", "round_ste"):
        assert callable(getattr(nd.contrib, name)), name
        assert callable(getattr(mx.sym.contrib, name)), name
    for name in ("moments", "all_finite", "multi_all_finite", "multi_sum_sq"):
        assert callable(getattr(nd, name)), name


def test_dtypes_and_shapes():
    x = nd.array([[1.0, 2.0], [3.0, 4.0]])
    r = nd.contrib.allclose(x, x)
    assert r.shape == () and np.dtype(r.dtype) == np.uint8 and r.asscalar() == 1
    assert nd.contrib.index_array(x).dtype == np.int64
    assert nd.contrib.arange_like(x.astype("float16")).dtype == np.float16
    m, v = nd.moments(x, axes=(1,), keepdims=True)
    assert m.shape == (2, 1) and v.asnumpy().ravel().tolist() == [0.25, 0.25]
    bad = nd.array([1.0, float("inf")])
    assert nd.all_finite(bad).asnumpy().tolist() == [0.0]
    assert nd.multi_all_finite(x, x, num_arrays=2).asnumpy().tolist() == [1.0]
    assert nd.multi_sum_sq(x, x * 2, num_arrays=2).asnumpy().tolist() == [30.0, 120.0]


def test_adamw_updates_states_and_grad_in_place():
    w = nd.array([1.0, -2.0])
    g = nd.array([0.4, -0.2])
    m, v = nd.zeros((2,)), nd.zeros((2,))
    nd.contrib.adamw_update(w, g, m, v, nd.array([0.5]), lr=0.1, eta=1.0, clip_gradient=0.15,
                            out=w)
    np.testing.assert_allclose(g.asnumpy(), [0.15, -0.1], rtol=1e-6)
    np.testing.assert_allclose(m.asnumpy(), [0.015, -0.01], rtol=1e-6)
    before = w.asnumpy().copy()
    nd.contrib.adamw_update(w, g, m, v, nd.array([float("nan")]), lr=0.1, eta=1.0, out=w)
    np.testing.assert_array_equal(w.asnumpy(), before)
    np.testing.assert_allclose(g.asnumpy(), [0.15, -0.1], rtol=1e-6)
    # mixed precision: the float32 master copy is updated, the float16 grad is not
    w16, g16 = nd.array([1.0], dtype="float16"), nd.array([0.5], dtype="float16")
    w32 = w16.astype("float32")
    nd.contrib.mp_adamw_update(w16, g16, nd.zeros((1,)), nd.zeros((1,)), w32, nd.array([1.0]),
                               lr=0.1, eta=1.0, out=w16)
    assert w32.asscalar() != 1.0 and g16.asscalar() == 0.5


def test_straight_through_and_multiplier_gradients():
    x = nd.array([0.3, -1.6, 2.5])
    for fn, kw, expect in ((nd.contrib.round_ste, {}, [1.0, 1.0, 1.0]),
                           (nd.contrib.sign_ste, {}, [1.0, 1.0, 1.0]),
                           (nd.contrib.gradientmultiplier, {"scalar": 3.0}, [3.0, 3.0, 3.0])):
        x.attach_grad()
        with mx.autograd.record():
            y = fn(x, **kw)
        y.backward()
        assert x.grad.asnumpy().tolist() == expect
    assert nd.contrib.round_ste(x).asnumpy().tolist() == [0.0, -2.0, 3.0]


def test_errors():
    with pytest.raises(MXNetError, match="fft is only available for GPU"):
        nd.contrib.fft(nd.zeros((2, 4)))
    with pytest.raises(MXNetError, match="ifft is only available for GPU"):
        nd.contrib.ifft(nd.zeros((2, 4)))
    with pytest.raises(MXNetError, match="Invalid Input: 'middle'"):
        nd.contrib.box_iou(nd.zeros((1, 4)), nd.zeros((1, 4)), format="middle")
    with pytest.raises(MXNetError, match="Required parameter threshold"):
        nd.contrib.bipartite_matching(nd.zeros((2, 2)))
    with pytest.raises(MXNetError, match="pooled_size"):
        nd.contrib.ROIAlign(nd.zeros((1, 1, 4, 4)), nd.zeros((1, 5)), spatial_scale=1.0)


def test_box_nms_batched_and_compiled_once():
    d = nd.array([[0.9, 0.0, 0.0, 1.0, 1.0], [0.8, 0.1, 0.1, 1.0, 1.0],
                  [0.5, 2.0, 2.0, 3.0, 3.0]])
    op = REGISTRY["_contrib_box_nms"]
    out = nd.contrib.box_nms(nd.stack(d, d[::-1]), coord_start=1, score_index=0)
    n = len(op._kernels)
    again = nd.contrib.box_nms(nd.stack(d[::-1], d), coord_start=1, score_index=0)
    assert len(op._kernels) == n  # same attributes and shapes: no new compilation
    expect = [[0.9, 0.0, 0.0, 1.0, 1.0], [0.5, 2.0, 2.0, 3.0, 3.0], [-1.0] * 5]
    for res in (out, again):
        np.testing.assert_allclose(res.asnumpy(), [expect, expect], rtol=1e-6)


def test_box_nms_under_hybridize():
    class Net(mx.gluon.HybridBlock):
        def hybrid_forward(self, F, x):
            return F.contrib.box_nms(x, overlap_thresh=0.3, coord_start=1, score_index=0)

    net = Net()
    net.hybridize()
    d = nd.array([[[0.9, 0.0, 0.0, 1.0, 1.0], [0.8, 0.1, 0.1, 1.0, 1.0]]])
    np.testing.assert_allclose(net(d).asnumpy(),
                               [[[0.9, 0.0, 0.0, 1.0, 1.0], [-1.0] * 5]], rtol=1e-6)


# ----------------------------------------------------------------------------- contrib_flow
def test_predicates_keep_dtype():
    x = nd.array([1.0, float("nan"), float("inf")])
    assert flow.isnan(x).asnumpy().tolist() == [0.0, 1.0, 0.0]
    assert flow.isinf(x).asnumpy().tolist() == [0.0, 0.0, 1.0]
    assert flow.isfinite(x).asnumpy().tolist() == [1.0, 0.0, 0.0]
    assert flow.isnan(nd.array([1, 2], dtype="int32")).dtype == np.int32


def test_foreach_nesting_and_errors():
    outs, states = flow.foreach(lambda x, s: ([x + s[0]], [s[0] * 2]), nd.arange(3),
                                [nd.ones((1,))])
    assert isinstance(outs, list) and outs[0].asnumpy().ravel().tolist() == [1.0, 3.0, 6.0]
    assert states[0].asnumpy().tolist() == [8.0]
    with pytest.raises(AssertionError, match="foreach states must be"):
        flow.foreach(lambda x, s: (x, s), nd.arange(3), 5)


def test_while_loop_pads_and_checks():
    outs, last = flow.while_loop(lambda i: i < 2, lambda i: (i * 3, i + 1), nd.array([0.0]),
                                 max_iterations=4)
    assert outs.asnumpy().ravel().tolist() == [0.0, 3.0, 0.0, 0.0]
    assert last.asnumpy().tolist() == [2.0]
    with pytest.raises(ValueError, match="max_iterations should be specified"):
        flow.while_loop(lambda i: i < 2, lambda i: (i, i + 1), nd.array([0.0]))
    with pytest.raises(ValueError, match="Number of elements in step_output"):
        flow.while_loop(lambda i: i < 3,
                        lambda i: ([i] if i.asscalar() < 1 else [i, i], [i + 1]),
                        [nd.array([0.0])], max_iterations=3)


def test_cond_and_gradient_through_branch():
    x = nd.array([2.0])
    x.attach_grad()
    with mx.autograd.record():
        y = flow.cond(x > 1, lambda: x * x, lambda: x * 3)
    y.backward()
    assert x.grad.asscalar() == 4.0
    with pytest.raises(ValueError):
        flow.cond(nd.array([1.0, 0.0]), lambda: 1, lambda: 2)


# ----------------------------------------------------------------------------- mx.nd operators
def test_random_pdf_discrete_sample_gets_no_gradient():
    counts = nd.array([[0.0, 2.0], [1.0, 3.0]])
    lam = nd.array([1.5, 2.5])
    counts.attach_grad()
    lam.attach_grad()
    with mx.autograd.record():
        p = nd.random_pdf_poisson(counts, lam)
    p.backward()
    assert counts.grad.asnumpy().tolist() == [[0.0, 0.0], [0.0, 0.0]]
    assert np.all(lam.grad.asnumpy() != 0)
    # the parameters' shape is a prefix of the sample's: extra sample axes broadcast
    dens = nd.random_pdf_normal(nd.zeros((2, 3, 4)), nd.zeros((2,)), nd.ones((2,)))
    np.testing.assert_allclose(dens.asnumpy(), np.full((2, 3, 4), 1 / np.sqrt(2 * np.pi)),
                               rtol=1e-6)


def test_im2col_col2im_are_adjoint():
    x = nd.array(np.arange(2 * 3 * 5 * 4, dtype=np.float32).reshape(2, 3, 5, 4) / 7)
    kw = {"kernel": (3, 2), "stride": (2, 1), "pad": (1, 1), "dilate": (1, 2)}
    cols = nd.im2col(x, **kw)
    c = nd.array(np.cos(np.arange(cols.size, dtype=np.float32)).reshape(cols.shape))
    back = nd.col2im(c, output_size=(5, 4), **kw)
    lhs = float((cols * c).sum().asscalar())
    rhs = float((x * back).sum().asscalar())
    assert back.shape == x.shape and abs(lhs - rhs) < 1e-3 * max(1.0, abs(lhs))


def test_spatial_transformer_is_grid_then_sampler():
    data = nd.array(np.arange(2 * 2 * 4 * 5, dtype=np.float32).reshape(2, 2, 4, 5))
    loc = nd.array([[0.9, 0.1, 0.05, -0.1, 0.8, 0.0], [1.0, 0.0, 0.2, 0.0, 1.0, -0.1]])
    st = nd.SpatialTransformer(data, loc, target_shape=(3, 3), transform_type="affine",
                               sampler_type="bilinear")
    grid = nd.GridGenerator(loc, transform_type="affine", target_shape=(3, 3))
    np.testing.assert_allclose(st.asnumpy(), nd.BilinearSampler(data, grid).asnumpy(),
                               rtol=1e-5, atol=1e-5)


def test_crop_like_and_symbol_shapes():
    x = nd.array(np.arange(2 * 1 * 5 * 6, dtype=np.float32).reshape(2, 1, 5, 6))
    out = nd.Crop(x, nd.zeros((1, 1, 3, 2)), num_args=2, offset=(1, 3))
    np.testing.assert_array_equal(out.asnumpy(), x.asnumpy()[:, :, 1:4, 3:5])
    a, b = mx.sym.var("a"), mx.sym.var("b")
    _, shapes, _ = mx.sym.Crop(a, b, num_args=2).infer_shape(a=(1, 2, 5, 5), b=(1, 1, 3, 3))
    assert shapes == [(1, 2, 3, 3)]
    _, shapes, _ = mx.sym.Correlation(a, b, kernel_size=3, max_displacement=2, stride1=2,
                                      stride2=2, pad_size=2).infer_shape(a=(1, 2, 5, 5),
                                                                        b=(1, 2, 5, 5))
    assert shapes == [(1, 9, 2, 2)]
    outs = mx.sym.contrib.bipartite_matching(a, threshold=0.1).infer_shape(a=(2, 5, 6))[1]
    assert outs == [(2, 5), (2, 6)]


def test_svm_output_ignores_head_gradient():
    x = nd.array([[0.5, -0.3, 1.2]])
    x.attach_grad()
    with mx.autograd.record():
        y = nd.SVMOutput(x, nd.array([2.0]), use_linear=True)
    y.backward(nd.full((1, 3), 7.0))
    assert x.grad.asnumpy().tolist() == [[1.0, 1.0, 0.0]]


def test_box_operators_have_zero_gradient():
    x = nd.array(np.linspace(0.1, 0.9, 12, dtype=np.float32).reshape(1, 3, 2, 2))
    boxes = nd.array([[0.1, 0.1, 0.5, 0.6], [0.2, 0.3, 0.9, 0.8]])
    for fn in (lambda: nd.contrib.MultiBoxPrior(x, sizes=(0.5, 0.25)),
               lambda: nd.contrib.box_iou(boxes, boxes),
               lambda: nd.contrib.box_decode(boxes.expand_dims(0), boxes.expand_dims(0))):
        x.attach_grad()
        boxes.attach_grad()
        with mx.autograd.record():
            y = fn()
        y.backward()
        assert not x.grad.asnumpy().any() and not boxes.grad.asnumpy().any()
