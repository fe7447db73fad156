from mxnet import nd
x = nd.arange(12).reshape((2, 3, 2))
outs = nd.SliceChannel(x, num_outputs=3, axis=1)
print(len(outs), outs[0].shape)
outs = nd.SliceChannel(x, num_outputs=3, axis=1, squeeze_axis=True)
print(outs[1].shape, outs[1])
outs = nd.SliceChannel(x, num_outputs=2, axis=0, squeeze_axis=1)
print(outs[1])
