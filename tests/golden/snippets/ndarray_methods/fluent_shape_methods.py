from mxnet import nd
x = nd.arange(6).reshape((2, 3))
print(x.transpose())
print(x.transpose(axes=(1, 0)).shape)
print(x.swapaxes(0, 1).shape)
print(x.flip(axis=1))
print(x.tile(reps=(1, 2)))
print(x.repeat(repeats=2, axis=0))
print(x.expand_dims(axis=2).shape)
