from mxnet import nd
s = nd.array([5]).asscalar()
print(s, type(s).__name__)
print(nd.array(2.5).asscalar())
m = nd.array([[7]], dtype='int32').asscalar()
print(type(m).__name__, getattr(m, 'shape', None), m)
print(nd.ones((2, 3)).sum().asscalar())
