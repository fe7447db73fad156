import mxnet as mx
from mxnet import gluon, nd, autograd

pd = gluon.ParameterDict('x_')
w = pd.get('w', shape=(2,), init=mx.init.Zero())
pd.initialize(ctx=[mx.cpu(0), mx.cpu(1)])
w.data(mx.cpu(0))[:] = nd.array([1.0, 2.0])
w.data(mx.cpu(1))[:] = nd.array([3.0, 6.0])
pd.save('avg.params')
print(nd.load('avg.params'))
w.reset_ctx(mx.cpu(2))
print(w.data())
v = gluon.Parameter('v', shape=(2,), init=mx.init.One(), grad_req='add')
v.initialize(ctx=[mx.cpu(0), mx.cpu(1)])
for c in [mx.cpu(0), mx.cpu(1)]:
    with autograd.record():
        y = (v.data(c) * 2).sum()
    y.backward()
with autograd.record():
    y = (v.data(mx.cpu(0)) * 2).sum()
y.backward()
print([g.asnumpy().tolist() for g in v.list_grad()])
v.zero_grad()
print([g.asnumpy().tolist() for g in v.list_grad()])
