import logging
import re
import sys
import numpy as np
import mxnet as mx


class Mask(logging.Filter):
    def filter(self, record):
        msg = record.getMessage()
        msg = re.sub(r'Time cost=[0-9.]+', 'Time cost=<t>', msg)
        msg = re.sub(r'Speed: [0-9.inf]+', 'Speed: <s>', msg)
        record.msg, record.args = msg, None
        return True


root = logging.getLogger()
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter('%(levelname)s %(message)s'))
handler.addFilter(Mask())
old_level = root.level
root.addHandler(handler)
root.setLevel(logging.INFO)
try:
    x = np.array([[1, 2], [2, 1], [3, 0], [0, 3], [1, 1], [2, 2], [0, 1], [1, 0]], dtype=np.float32)
    y = (x[:, 0] > x[:, 1]).astype(np.float32)
    train = mx.io.NDArrayIter(x, y, batch_size=4, shuffle=False)
    val = mx.io.NDArrayIter(x[:4], y[:4], batch_size=2)
    data = mx.sym.Variable('data')
    net = mx.sym.FullyConnected(data, num_hidden=2, name='fc')
    net = mx.sym.SoftmaxOutput(net, name='softmax')
    mod = mx.mod.Module(net)
    arg = {'fc_weight': mx.nd.array([[0.1, -0.2], [0.3, 0.1]]), 'fc_bias': mx.nd.array([0, 0.1])}
    mod.fit(train, eval_data=val, num_epoch=3, arg_params=arg,
            optimizer_params={'learning_rate': 0.5},
            batch_end_callback=mx.callback.Speedometer(4, 1),
            eval_end_callback=mx.callback.LogValidationMetricsCallback())
    for k, v in mod.get_params()[0].items():
        print(k, v.asnumpy().round(5).tolist())
    print(mod.score(val, ['acc', 'ce']))
finally:
    root.removeHandler(handler)
    root.setLevel(old_level)
