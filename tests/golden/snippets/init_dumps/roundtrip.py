import mxnet as mx
inits = [mx.init.Zero(), mx.init.One(), mx.init.Constant(3), mx.init.Uniform(0.2),
         mx.init.Normal(0.3), mx.init.Orthogonal(2, 'normal'),
         mx.init.Xavier('gaussian', 'in', 2), mx.init.MSRAPrelu('out', 0.5),
         mx.init.Bilinear(), mx.init.LSTMBias(2.0),
         mx.init.FusedRNN(None, 4, 2, 'gru', True, 0.)]
for init in inits:
    back = mx.init.create(init.dumps())
    print(type(back).__name__, back == init, back.dumps() == init.dumps())
