import mxnet as mx
g = mx.gpu(2)
c = mx.Context(g)
print(c, c == g, c is g)
print(mx.Context(mx.cpu(4)))
