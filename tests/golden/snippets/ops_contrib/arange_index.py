import mxnet as mx
from mxnet import nd

x = nd.zeros((2, 3, 4))
print(nd.contrib.arange_like(x))
print(nd.contrib.arange_like(x, axis=1))
print(nd.contrib.arange_like(x, start=2.0, step=0.5, axis=-1))
print(nd.contrib.arange_like(nd.zeros((2, 3)), repeat=2))
print(nd.contrib.arange_like(nd.zeros((7,)), start=1, step=2, repeat=3))
print(nd.contrib.index_array(nd.zeros((2, 3))))
print(nd.contrib.index_array(nd.zeros((2, 3, 2)), axes=(0, 2)))
print(nd.contrib.index_array(nd.zeros((2, 3)), axes=(-1,)))
old = nd.zeros((4, 3))
new = nd.array([[1, 2, 3], [4, 5, 6]])
print(nd.contrib.index_copy(old, nd.array([3, 1]), new))
print(nd.contrib.index_copy(nd.ones((5,)), nd.array([0, 4], dtype='int64'), nd.array([7, 8])))
