"""Image decoding and encoding through Pillow, shaped like OpenCV's results.

MXNet decodes with OpenCV; here Pillow does the work and the result is arranged as
OpenCV would return it: 8-bit, 3-channel colour with the alpha channel dropped, or one
grey channel. Grey from a colour PNG uses libpng's integer weights (as OpenCV's PNG
reader does); a JPEG is decoded straight to its luma channel (as libjpeg does for
OpenCV); other formats use Pillow's luma conversion.
"""
from __future__ import annotations

import io

import numpy as np

_HINT = ("mx.image needs Pillow to decode and encode images (MXNet used OpenCV): "
         "pip install Pillow")


def _pil():
    try:
        from PIL import Image
    except ImportError as exc:  # pragma: no cover - exercised only without Pillow
        raise ImportError(_HINT) from exc
    return Image


def _png_grey(rgb: np.ndarray) -> np.ndarray:
    """libpng's rgb_to_gray(0.299, 0.587) on 8-bit data: 15-bit integer weights, truncated."""
    w = np.array([9798, 19235, 3735], dtype=np.int64)
    return ((rgb.astype(np.int64) @ w) >> 15).astype(np.uint8)


def decode_rgb(buf: bytes, grey: bool) -> np.ndarray:
    """Decode ``buf``: (H, W, 3) RGB, or (H, W) grey when ``grey``; uint8.

    Raises ``ValueError`` when the bytes are not an image Pillow can read.
    """
    Image = _pil()
    try:
        im = Image.open(io.BytesIO(bytes(buf)))
        fmt = im.format
        if grey and fmt == "JPEG":
            im.draft("L", im.size)
        im.load()
    except Exception as exc:
        raise ValueError("cannot decode image: %s" % exc) from None
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):  # 16-bit grey: keep the high byte
        arr = (np.asarray(im, dtype=np.uint32) >> 8).astype(np.uint8)
        return arr if grey else np.repeat(arr[:, :, None], 3, axis=2)
    if grey:
        if im.mode in ("L", "1"):
            return np.asarray(im.convert("L"), dtype=np.uint8)
        if fmt == "PNG":
            return _png_grey(np.asarray(im.convert("RGB"), dtype=np.uint8))
        return np.asarray(im.convert("L"), dtype=np.uint8)
    return np.asarray(im.convert("RGB"), dtype=np.uint8)


def decode(buf: bytes, flag: int = 1, to_rgb: bool = True) -> np.ndarray:
    """MXNet's ``imdecode`` layout: (H, W, 3) colour (RGB, or BGR when not ``to_rgb``) for
    ``flag`` > 0, (H, W, 1) grey for ``flag`` == 0."""
    if flag == 0:
        return decode_rgb(buf, True)[:, :, None]
    rgb = decode_rgb(buf, False)
    return rgb if to_rgb else rgb[:, :, ::-1]


def decode_cv(buf: bytes, iscolor: int = -1) -> np.ndarray:
    """``cv2.imdecode``'s layout: BGR (H, W, 3) colour, (H, W) grey; ``iscolor=-1`` keeps
    the stored channel count (grey stays (H, W); an alpha channel is kept, BGRA)."""
    if iscolor == 0:
        return decode_rgb(buf, True)
    if iscolor < 0:
        Image = _pil()
        im = Image.open(io.BytesIO(bytes(buf)))
        if im.mode in ("L", "1"):
            return np.asarray(im.convert("L"), dtype=np.uint8)
        if im.mode in ("RGBA", "LA") or (im.mode == "P" and "transparency" in im.info):
            rgba = np.asarray(im.convert("RGBA"), dtype=np.uint8)
            return np.ascontiguousarray(rgba[:, :, [2, 1, 0, 3]])
    return np.ascontiguousarray(decode_rgb(buf, False)[:, :, ::-1])


def encode_cv(img: np.ndarray, quality: int = 95, img_fmt: str = ".jpg") -> bytes:
    """Encode a numpy image given in OpenCV's channel order (BGR/BGRA or grey)."""
    Image = _pil()
    fmt = img_fmt.upper()
    arr = np.asarray(img)
    if arr.dtype != np.uint8:
        raise NotImplementedError("pack_img with a non-uint8 image (mxcompat encodes "
                                  "8-bit images only)")
    if arr.ndim == 3 and arr.shape[2] == 1:
        arr = arr[:, :, 0]
    if arr.ndim == 3:
        arr = arr[:, :, [2, 1, 0, 3][:arr.shape[2]]]
    im = Image.fromarray(np.ascontiguousarray(arr))
    out = io.BytesIO()
    if fmt in (".JPG", ".JPEG"):
        im.save(out, format="JPEG", quality=int(quality))
    elif fmt == ".PNG":
        im.save(out, format="PNG", compress_level=min(max(int(quality), 0), 9))
    else:
        raise NotImplementedError("pack_img with img_fmt=%r (mxcompat encodes .jpg and .png)"
                                  % img_fmt)
    return out.getvalue()
