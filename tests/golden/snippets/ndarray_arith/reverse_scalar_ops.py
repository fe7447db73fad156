from mxnet import nd
x = nd.array([1, 2, 4])
print(1 / x)
print(10 - x)
print(2 ** x)
print(9 % x)
print(3 * x)
print(1 + x)
