from mxnet import nd
x = nd.arange(12).reshape((3, 2, 2))
print(nd.SequenceLast(x, nd.array([1, 3]), use_sequence_length=True))
print(nd.SequenceReverse(x, nd.array([2, 3]), use_sequence_length=True))
