import mxnet as mx
import numpy as np
from mxnet import nd
from mxnet.gluon import data as gdata

ds = gdata.ArrayDataset(nd.arange(14).reshape((7, 2)), np.arange(7) * 10)
for mode in ('keep', 'discard', 'rollover'):
    loader = gdata.DataLoader(ds, batch_size=3, last_batch=mode)
    print(mode, len(loader))
    for x, y in loader:
        print(x.shape, x.dtype, y.dtype, y.asnumpy().tolist())
    print('second epoch', [b[1].asnumpy().tolist() for b in loader])
loader = gdata.DataLoader(ds, batch_size=4)
print(next(iter(loader)))
b = gdata.dataloader.default_batchify_fn
for sample in ([1, 2, 3], [1.5, 2.5], [np.float32(1)] * 2, [np.ones(2)] * 2, [True, False],
               [np.ones(2, dtype=np.int32)] * 3, [np.uint8(3)] * 2, [[1, 2], [3, 4]]):
    r = b(sample)
    print(type(r).__name__, np.dtype(r.dtype).name, r.shape, r.context)
r = b([(nd.ones(2, dtype='float16'), 1), (nd.zeros(2, dtype='float16'), 2)])
print(type(r).__name__, [(np.dtype(i.dtype).name, i.shape) for i in r])
print(r[0])
r = gdata.dataloader.default_mp_batchify_fn([nd.ones(2)] * 2)
print(r.context, r.shape)
print(gdata.dataloader.default_mp_batchify_fn([1, 2]).context)
bsl = gdata.DataLoader(ds, batch_sampler=gdata.BatchSampler(gdata.SequentialSampler(5), 2))
print([y.asnumpy().tolist() for _, y in bsl], len(bsl))
custom = gdata.DataLoader(ds, batch_size=2, batchify_fn=lambda s: len(s))
print(list(custom))
pinned = gdata.DataLoader(ds, batch_size=7, pin_memory=True)
print([a.context for a in next(iter(pinned))])
