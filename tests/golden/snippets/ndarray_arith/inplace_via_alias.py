from mxnet import nd
x = nd.array([1, 2])
alias = x
x += 10
print(alias)
v = nd.arange(6).reshape((2, 3))
row = v[1]
row += 100
print(v)
