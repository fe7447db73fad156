from mxnet import nd
x = nd.array([[1, 2, 3]])
print(nd.broadcast_to(x, shape=(2, 3)))
print(nd.broadcast_to(x, shape=(2, 0)).shape)
print(nd.broadcast_like(nd.array([[5]]), nd.zeros((2, 2))))
print(nd.broadcast_like(nd.ones((1, 3)), nd.zeros((4, 5)), lhs_axes=(0,), rhs_axes=(0,)).shape)
