import struct
import zlib

import mxnet as mx
import numpy as np


def png(arr):
    arr = np.ascontiguousarray(arr, dtype=np.uint8)
    h, w = arr.shape[:2]
    ctype = 0 if arr.ndim == 2 else {3: 2, 4: 6}[arr.shape[2]]
    raw = b"".join(b"\x00" + arr[i].tobytes() for i in range(h))

    def chunk(tag, data):
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xffffffff))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, ctype, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


rgb = (np.arange(4 * 5 * 3).reshape(4, 5, 3) * 7 % 256).astype(np.uint8)
x = mx.image.imdecode(png(rgb))
print(x.shape, x.dtype, x.context)
print(x[1])
print(mx.image.imdecode(png(rgb), flag=0)[:, :, 0])
print(mx.image.imdecode(png(rgb), to_rgb=0)[0])
print(mx.image.imdecode(bytearray(png(rgb))).shape)
print(mx.image.imdecode(np.frombuffer(png(rgb), dtype=np.uint8)).shape)
grey = rgb[:, :, 1]
print(mx.image.imdecode(png(grey)).shape, mx.image.imdecode(png(grey), flag=0).shape)
print(mx.image.imdecode(png(grey))[2, 1])
rgba = np.dstack([rgb, np.full((4, 5, 1), 9, np.uint8)])
print(mx.image.imdecode(png(rgba))[0, 0])
with open('img.png', 'wb') as fh:
    fh.write(png(rgb))
y = mx.image.imread('img.png')
print((y.asnumpy() == rgb).all())
print(mx.image.imread('img.png', flag=0).shape)
print(mx.image.resize_short(y.astype('float32'), 2).shape)
print(mx.image.center_crop(y, (3, 2))[1])
print(mx.image.fixed_crop(y, 1, 1, 2, 2)[0])
print(mx.image.scale_down((640, 480), (720, 120)), mx.image.scale_down((360, 1000), (480, 500)))
z = y.astype('float32')
print(mx.image.color_normalize(z, mx.nd.array([1, 2, 3]), mx.nd.array([2, 2, 2]))[0, 0])
print(mx.image.imresize(y, 3, 2, interp=0))
print(mx.image.imresize(y.astype('float32'), 7, 6, interp=1)[5])
print(mx.image.copyMakeBorder(y, 1, 0, 0, 2, type=0, value=5)[:, :, 0])
try:
    mx.image.imdecode('not bytes')
except ValueError as e:
    print('!! CAUGHT ValueError:', e)
mx.image.imdecode(png(rgb), flag=-1)
