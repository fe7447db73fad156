"""mx.image: decoding through Pillow and OpenCV-rule resizing."""
import io

import numpy as np
import pytest

import mxcompat as mx
from mxcompat.image import _resize

PIL = pytest.importorskip("PIL.Image")


def _png(arr):
    buf = io.BytesIO()
    PIL.fromarray(arr).save(buf, format="PNG")
    return buf.getvalue()


def test_decode_png_layouts():
    rgb = (np.arange(4 * 5 * 3).reshape(4, 5, 3) * 7 % 256).astype(np.uint8)
    x = mx.image.imdecode(_png(rgb))
    assert x.dtype == np.uint8 and np.array_equal(x.asnumpy(), rgb)
    assert np.array_equal(mx.image.imdecode(_png(rgb), to_rgb=False).asnumpy(), rgb[:, :, ::-1])
    grey = mx.image.imdecode(_png(rgb), flag=0).asnumpy()
    assert grey.shape == (4, 5, 1)
    # values MXNet 1.9.1 (OpenCV/libpng) gives for the first row
    assert grey[0, :, 0].tolist() == [5, 26, 47, 68, 89]
    with pytest.raises(mx.MXNetError, match="Decoding failed"):
        mx.image.imdecode(b"not an image")


def test_pack_img_roundtrip():
    bgr = (np.arange(6 * 7 * 3).reshape(6, 7, 3) % 256).astype(np.uint8)
    s = mx.recordio.pack_img(mx.recordio.IRHeader(0, 2.0, 5, 0), bgr, img_fmt=".png")
    header, img = mx.recordio.unpack_img(s)
    assert header.label == 2.0 and np.array_equal(img, bgr)


def test_resize_rules():
    src = np.arange(2 * 4 * 1, dtype=np.float32).reshape(2, 4, 1)
    out = np.asarray(_resize.resize(src, 2, 1, 1))
    # half-pixel centres: source x = 0.5 and 2.5, y = 0.5
    assert np.allclose(out[:, :, 0], [[2.5, 4.5]])
    near = np.asarray(_resize.resize(src, 2, 2, 0))
    assert near[:, :, 0].tolist() == [[0, 2], [4, 6]]
    area = np.asarray(_resize.resize(src, 2, 1, 3))
    assert np.allclose(area[0, :, 0], [2.5, 4.5])
    with pytest.raises(NotImplementedError, match="Lanczos"):
        _resize.resize(src, 2, 2, 4)
