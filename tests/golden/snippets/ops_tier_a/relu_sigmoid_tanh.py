from mxnet import nd
x = nd.array([-2, -0.5, 0, 0.5, 2])
print(nd.relu(x))
print(nd.sigmoid(x))
print(nd.tanh(x))
