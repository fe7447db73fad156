from mxnet import nd
x = nd.arange(-3, 4)
print(nd.clip(x, -1, 2))
print(nd.clip(x, a_min=0, a_max=1.5))
print(nd.clip(nd.array([-5, 5], dtype='int32'), -2.5, 2.5))
