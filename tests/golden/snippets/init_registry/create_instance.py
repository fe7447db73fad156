import mxnet as mx
x = mx.init.Uniform()
print(mx.init.create(x) is x)
y = mx.init.FusedRNN(None, 2, 1, 'gru')
print(mx.init.create(y) is y)
print(mx.init.create(initializer=x) is x)
