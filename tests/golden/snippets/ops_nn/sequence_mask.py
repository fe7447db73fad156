from mxnet import nd
x = nd.arange(12).reshape((3, 2, 2)) + 1
print(nd.SequenceMask(x, nd.array([1, 3]), use_sequence_length=True))
print(nd.SequenceMask(x, nd.array([2, 0]), use_sequence_length=True, value=-1))
print(nd.SequenceMask(x.swapaxes(0, 1), nd.array([1, 2]), use_sequence_length=True, axis=1, value=9))
print(nd.SequenceMask(x))
