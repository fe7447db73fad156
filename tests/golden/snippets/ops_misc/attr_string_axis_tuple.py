from mxnet import nd
x = nd.arange(24).reshape((2, 3, 4))
print(nd.sum(x, axis="(0,1)"))
print(nd.sum(x, axis="(0, 2)", keepdims="True").shape)
print(nd.mean(x, axis="1", keepdims="False").shape)
print(nd.max(x, axis="-1", keepdims=1).shape)
