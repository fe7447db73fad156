from mxnet import nd
x = nd.array([[-2, -0.5, 0, 0.5, 2]])
print(nd.LeakyReLU(x))
print(nd.LeakyReLU(x, act_type='leaky', slope=0.1))
print(nd.LeakyReLU(x, act_type='elu', slope=1.0))
print(nd.LeakyReLU(x, act_type='selu'))
print(nd.LeakyReLU(x, act_type='gelu'))
