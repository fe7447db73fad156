from mxnet import nd
a = nd.array([[1, 2], [3, 4]])
b = nd.array([[4, 3], [2, 1]])
print(a - b)
print(a / b)
print(a * b)
print(nd.subtract(a, b), nd.divide(a, 2), nd.multiply(a, b), nd.modulo(a, 3))
