import mxnet as mx
objs = [mx.init.Bilinear(), mx.init.Constant(1), mx.init.FusedRNN(None, 2, 1, 'lstm'),
        mx.init.InitDesc('w'), mx.init.Initializer(), mx.init.LSTMBias(),
        mx.init.Load({}), mx.init.MSRAPrelu(), mx.init.Mixed([], []), mx.init.Normal(),
        mx.init.One(), mx.init.Orthogonal(), mx.init.Uniform(), mx.init.Xavier(), mx.init.Zero()]
for o in objs:
    print(type(o).__name__, isinstance(o, mx.init.Initializer))
print(callable(mx.init.register), callable(mx.init.create), callable(mx.init.alias))
