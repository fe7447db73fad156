from mxnet import nd
w = nd.arange(12).reshape((4, 3))
idx = nd.array([[0, 3], [1, 1]])
print(nd.Embedding(idx, w, input_dim=4, output_dim=3))
print(nd.Embedding(nd.array([5, -1]), w, input_dim=4, output_dim=3))
