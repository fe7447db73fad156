import logging
import re
import sys
import mxnet as mx


class Mask(logging.Filter):
    def filter(self, record):
        msg = re.sub(r'Speed: [0-9.inf]+', 'Speed: <s>', record.getMessage())
        record.msg, record.args = msg, None
        return True


root = logging.getLogger()
handler = logging.StreamHandler(sys.stdout)
handler.addFilter(Mask())
old = root.level
root.addHandler(handler)
root.setLevel(logging.INFO)
try:
    metric = mx.metric.create(['acc', 'mse'])
    metric.update([mx.nd.array([0, 1])], [mx.nd.array([[0.9, 0.1], [0.2, 0.8]])])
    speed = mx.callback.Speedometer(batch_size=8, frequent=2)
    speed_all = mx.callback.Speedometer(batch_size=8, frequent=2, auto_reset=False)
    train_log = mx.callback.log_train_metric(2)
    bar = mx.callback.ProgressBar(total=4, length=10)
    for nbatch in range(5):
        p = mx.model.BatchEndParam(epoch=1, nbatch=nbatch, eval_metric=metric, locals=None)
        speed_all(p)
        train_log(p)
        bar(p)
    for nbatch in range(5):
        metric.update([mx.nd.array([0, 1])], [mx.nd.array([[0.9, 0.1], [0.2, 0.8]])])
        speed(mx.model.BatchEndParam(epoch=2, nbatch=nbatch, eval_metric=metric, locals=None))
    no_metric = mx.callback.Speedometer(batch_size=8, frequent=1)
    for nbatch in range(3):
        no_metric(mx.model.BatchEndParam(epoch=0, nbatch=nbatch, eval_metric=None, locals=None))
    mx.callback.LogValidationMetricsCallback()(
        mx.model.BatchEndParam(epoch=3, nbatch=0, eval_metric=metric, locals=None))
finally:
    root.removeHandler(handler)
    root.setLevel(old)
