from mxnet import nd
x = nd.array([-2, -0.5, 0, 0.5, 2])
for t in ['relu', 'sigmoid', 'tanh', 'softrelu', 'softsign']:
    print(t, nd.Activation(x, act_type=t))
