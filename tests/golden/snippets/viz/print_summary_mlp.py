import mxnet as mx

data = mx.sym.var("data")
fc1 = mx.sym.FullyConnected(data, num_hidden=16, name="fc1")
bn = mx.sym.BatchNorm(fc1, name="bn1")
act = mx.sym.Activation(bn, act_type="relu", name="relu1")
fc2 = mx.sym.FullyConnected(act, num_hidden=16, no_bias=True, name="fc2")
out = mx.sym.SoftmaxOutput(fc2, name="softmax")
mx.viz.print_summary(out, shape={"data": (8, 10)})
mx.viz.print_summary(out)
mx.viz.print_summary(fc2 + act, shape={"data": (2, 10)}, line_length=80,
                     positions=[.5, .7, .8, 1.])
