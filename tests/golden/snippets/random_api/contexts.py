import mxnet as mx
print(mx.random.uniform(shape=2, ctx=mx.cpu(1)).context)
print(mx.random.normal(shape=2, ctx='cpu(2)').context)
print(mx.random.randint(0, 4, shape=2, ctx=mx.cpu(3)).context)
with mx.cpu(1):
    print(mx.random.uniform(shape=2).context, mx.random.randn(2).context)
p = mx.nd.array([1, 2], ctx=mx.cpu(1))
print(mx.random.normal(p, p).context)
print(mx.random.randn(2, 3, ctx=mx.cpu(2)).context)
