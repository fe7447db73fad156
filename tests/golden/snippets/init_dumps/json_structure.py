import json
import mxnet as mx
for init in [mx.init.Xavier(), mx.init.Constant(mx.nd.array([1, 2])), mx.init.FusedRNN(mx.init.One(), 2, 1, 'lstm')]:
    name, kwargs = json.loads(init.dumps())
    print(name, sorted(kwargs.items()))
