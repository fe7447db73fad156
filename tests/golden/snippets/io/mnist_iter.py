import struct
import mxnet as mx
import numpy as np

def write_idx(path, arr):
    with open(path, 'wb') as f:
        f.write(struct.pack('>HBB', 0, 0x08, arr.ndim))
        f.write(struct.pack('>' + 'I' * arr.ndim, *arr.shape))
        f.write(arr.astype(np.uint8).tobytes())

write_idx('img', np.arange(10 * 28 * 28).reshape(10, 28, 28) % 256)
write_idx('lab', np.arange(10) % 10)
it = mx.io.MNISTIter(image='img', label='lab', batch_size=4, shuffle=False, silent=True)
print(it.provide_data, it.provide_label, it.batch_size)
for epoch in range(2):
    for b in it:
        print(b.data[0].shape, b.data[0].asnumpy().reshape(4, -1)[:, 1:4].tolist())
        print(b.label[0].asnumpy().tolist(), b.pad, b.index)
    it.reset()
it = mx.io.MNISTIter(image='img', label='lab', batch_size=3, shuffle=False, flat=True, silent=True)
print(it.provide_data, [(b.data[0].shape, b.label[0].asnumpy().tolist()) for b in it])
for part in range(3):
    it = mx.io.MNISTIter(image='img', label='lab', batch_size=1, shuffle=False, silent=True,
                         num_parts=3, part_index=part)
    print([b.label[0].asnumpy().tolist() for b in it])
it = mx.io.MNISTIter(image='img', label='lab', batch_size=3, silent=True)
print(len(list(it)))  # shuffled (the order differs from MXNet's): count only
try:
    mx.io.MNISTIter(image='missing', label='lab', batch_size=3)
except mx.base.MXNetError as e:
    print('MXNetError', str(e).strip().splitlines()[-1])
