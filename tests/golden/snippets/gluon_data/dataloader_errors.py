import mxnet as mx
import numpy as np
from mxnet import nd
from mxnet.gluon import data as gdata


def check(fn):
    try:
        fn()
        print('no error')
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, e))


ds = gdata.ArrayDataset(nd.arange(6), nd.arange(6))
sampler = gdata.SequentialSampler(6)
check(lambda: gdata.DataLoader(ds))
check(lambda: gdata.DataLoader(ds, batch_size=2, shuffle=True, sampler=sampler))
check(lambda: gdata.DataLoader(ds, batch_size=2, batch_sampler=gdata.BatchSampler(sampler, 2)))
check(lambda: gdata.DataLoader(ds, shuffle=True, batch_sampler=gdata.BatchSampler(sampler, 2)))
check(lambda: gdata.DataLoader(ds, last_batch='keep', batch_sampler=gdata.BatchSampler(sampler, 2)))
check(lambda: gdata.DataLoader(ds, batch_size=2, timeout=0))
check(lambda: list(gdata.DataLoader(ds, batch_size=4, last_batch='drop')))
check(lambda: len(gdata.BatchSampler(sampler, 4, 'other')))
check(lambda: gdata.ArrayDataset(nd.arange(4), [1, 2]))
check(lambda: gdata.ArrayDataset())
check(lambda: ds.shard(2, 2))
check(lambda: ds.shard(0, -1))
check(lambda: ds.shard(2, -1))
check(lambda: ds.sample([0, 1]))
check(lambda: gdata.Dataset()[0])
check(lambda: len(gdata.Dataset()))
