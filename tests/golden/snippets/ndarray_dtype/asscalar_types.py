from mxnet import nd
for dt in ['float32', 'float64', 'int32', 'int64', 'uint8', 'float16']:
    s = nd.array([5], dtype=dt).asscalar()
    print(dt, type(s).__name__, s)
