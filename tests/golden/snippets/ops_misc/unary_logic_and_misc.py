from mxnet import nd
x = nd.array([-1.5, 0, 2])
print(nd.logical_not(x))
print(nd.degrees(nd.array([3.14159265])), nd.radians(nd.array([180])))
print(nd.square(x), nd.relu(x), nd.softsign(x))
print(nd.identity(x), nd.BlockGrad(x), nd.stop_gradient(x))
