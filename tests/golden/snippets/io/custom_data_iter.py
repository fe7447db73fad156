import mxnet as mx
from mxnet import nd

class SimpleIter(mx.io.DataIter):
    def __init__(self, n, batch_size):
        super(SimpleIter, self).__init__(batch_size)
        self.n = n
        self.cur = 0
        self.provide_data = [('data', (batch_size, 2))]
        self.provide_label = [mx.io.DataDesc('softmax_label', (batch_size,))]

    def reset(self):
        self.cur = 0

    def next(self):
        if self.cur >= self.n:
            raise StopIteration
        self.cur += 1
        x = nd.ones((self.batch_size, 2)) * self.cur
        return mx.io.DataBatch([x], [nd.zeros((self.batch_size,))], pad=0)

it = SimpleIter(3, 2)
print(it.batch_size)
for b in it:
    print(b, b.data[0].asnumpy().tolist())
it.reset()
print(len(list(it)))
r = mx.io.ResizeIter(SimpleIter(2, 2), 5)
print([float(b.data[0].asnumpy()[0, 0]) for b in r])

class ProtoIter(mx.io.DataIter):
    def __init__(self):
        super(ProtoIter, self).__init__()
        self.i = 0
    def iter_next(self):
        self.i += 1
        return self.i <= 2
    def getdata(self):
        return [nd.array([self.i])]
    def getlabel(self):
        return None
    def getpad(self):
        return 0
it = ProtoIter()
print(it.batch_size)
for b in it:
    print(b, b.data[0].asnumpy().tolist(), b.label, b.pad, b.index)

base = mx.io.DataIter(5)
print(base.batch_size, base.iter_next(), base.getdata(), base.getlabel(), base.getpad(), base.getindex(), base.reset())
print(list(base))
