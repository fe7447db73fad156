from mxnet import nd
x = nd.array([1, 2, 3])
y = nd.array([1, 1, 1])
ident = id(x)
x += y
print(x, id(x) == ident)
x -= 0.5
print(x, id(x) == ident)
x *= y * 2
print(x, id(x) == ident)
x /= 2
print(x, id(x) == ident)
x %= 2
print(x, id(x) == ident)
