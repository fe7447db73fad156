from mxnet import nd
x = nd.array([0, 0.5, 1])
print(nd.sin(x))
print(nd.cos(x))
print(nd.tan(x))
print(nd.arcsin(x))
