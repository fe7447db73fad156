import mxnet as mx
for init in [mx.init.Zero(), mx.init.One(), mx.init.Uniform(), mx.init.Normal(),
             mx.init.Orthogonal(), mx.init.Xavier(), mx.init.MSRAPrelu(),
             mx.init.Bilinear(), mx.init.LSTMBias()]:
    print(init.dumps())
