from mxnet import nd
x = nd.array([[[-2, 2], [-1, 1]], [[-4, 4], [-3, 3]]]).reshape((2, 2, 2))
gamma = nd.array([0.1, 0.5])
print(nd.LeakyReLU(x, gamma, act_type='prelu'))
print(nd.LeakyReLU(nd.array([[-1, 1]]), nd.array([0.25]), act_type='prelu'))
