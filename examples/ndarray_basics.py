# A legacy MXNet 1.x NDArray program, unchanged. Run it with:
#   python -m mxcompat examples/ndarray_basics.py
import mxnet as mx
from mxnet import nd
import numpy as np

print("MXNet", mx.__version__)

# creation and printing
a = nd.array([[1, 2, 3], [4, 5, 6]])
b = nd.ones((2, 3))
print(a)
print(a.shape, a.dtype, a.context)

# arithmetic, broadcasting, scalars
c = a * 2 + b
print(c)
print(a / nd.array([1, 2, 4]))
print(nd.exp(nd.array([1, 1])) + 1)

# reductions and shapes
print(a.sum(), a.sum(axis=0), nd.mean(a, axis=1, keepdims=True))
print(nd.argmax(a, axis=1))
print(a.reshape((3, -1)))
print(nd.transpose(a))

# views write through to their base
row = a[1]
row[:] = 0
print(a)

# integer arrays keep their dtype; division truncates
i = nd.array([7, -7], dtype='int32')
print(i / 2, i % 3)

# a tiny linear model by hand
x = nd.array(np.arange(12).reshape(4, 3) / 10.0)
w = nd.array([[0.5], [-0.25], [1.0]])
y = nd.relu(nd.dot(x, w))
print(y)
print(nd.softmax(nd.array([[1, 2, 3]])))

# save and load
nd.save('demo.params', {'w': w, 'x': x})
loaded = nd.load('demo.params')
print(sorted(loaded), loaded['w'].shape)
print([nd.ones(2), nd.zeros((1, 2))])
