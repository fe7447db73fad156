import mxnet as mx
src = {'w': mx.nd.array([1, 2, 3])}
L = mx.init.Load(src)
a = mx.nd.zeros((3,))
L(mx.init.InitDesc('w'), a)
a[:] = 9
print(src['w'])
print(L.param['w'] is src['w'])
