from mxnet import nd
x = nd.arange(12).reshape((3, 4))
parts = x.split(num_outputs=2, axis=1)
print(type(parts).__name__, len(parts))
print(parts[1])
print(x.slice_axis(axis=1, begin=1, end=3))
print(x.take(nd.array([2, 0])))
print(x.clip(2, 9))
