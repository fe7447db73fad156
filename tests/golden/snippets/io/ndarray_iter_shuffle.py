import mxnet as mx
from mxnet import nd
mx.random.seed(3)
data = nd.arange(20).reshape((10, 2))
label = nd.arange(10)
it = mx.io.NDArrayIter(data, label, batch_size=5, shuffle=True)
for epoch in range(2):
    rows, labs = [], []
    for b in it:
        rows += b.data[0].asnumpy().tolist()
        labs += b.label[0].asnumpy().tolist()
        print(b.data[0].shape, b.pad, b.data[0].dtype)
    # data and label stay paired, every sample appears once
    print(sorted(labs), all(r[0] == 2 * l for r, l in zip(rows, labs)))
    it.reset()
print(sorted(it.idx.tolist()))
it = mx.io.NDArrayIter(nd.arange(6, dtype='int32'), batch_size=3, shuffle=True)
print(it.provide_data)
print(sorted(sum([b.data[0].asnumpy().tolist() for b in it], [])))
