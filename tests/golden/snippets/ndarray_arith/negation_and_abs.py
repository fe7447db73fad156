from mxnet import nd
i = nd.array([1, -2], dtype='int32')
print(-i)
print(abs(i))
print(-nd.array([0.5, -1.0]))
print(+nd.array([1.0]) if hasattr(nd.NDArray, '__pos__') else 'no __pos__')
