from mxnet import nd
x = nd.array([-3, -1, -0.5, 0, 0.2, 1, 2])
print(nd.smooth_l1(x))
print(nd.smooth_l1(x, scalar=2.0))
