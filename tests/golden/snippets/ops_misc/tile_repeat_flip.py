from mxnet import nd
x = nd.array([[1, 2], [3, 4]])
print(nd.tile(x, reps=(1, 2)))
print(nd.repeat(x, repeats=2))
print(nd.repeat(x, repeats=2, axis=1))
print(nd.flip(x, axis=0))
print(nd.reverse(x, axis=(0, 1)))
