import mxnet as mx
d = mx.sym.var('data')
net = mx.sym.Dropout(d, p=0.5)
exe = net.simple_bind(mx.cpu(), data=(1000,))
exe.arg_dict['data'][:] = 1
a = exe.forward(is_train=True)[0].asnumpy()
b = exe.forward(is_train=True)[0].asnumpy()
print(sorted(set(a.tolist())), abs(a.mean() - 1) < 0.2, (a != b).any())
print(exe.forward(is_train=False)[0].asnumpy().sum())
u = mx.sym.random.uniform(shape=(2, 3), name='u')
print(u.tojson())
print(u.eval()[0].shape)
