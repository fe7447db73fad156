import copy
import mxnet as mx
d = mx.sym.var('data')
a = mx.sym.FullyConnected(d, num_hidden=3, name='a')
c = copy.deepcopy(a)
print(c, c.list_arguments(), c.tojson() == a.tojson())
e = mx.sym.var('e')
n2 = a(data=e * 2)
print(n2.list_arguments(), n2.name)
out = a.eval(ctx=mx.cpu(), data=mx.nd.ones((2, 4)), a_weight=mx.nd.ones((3, 4)), a_bias=mx.nd.array([1, 2, 3]))
print(out)
print((d * 2 + 1).eval(data=mx.nd.array([1, 2]))[0])
