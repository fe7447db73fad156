import mxnet as mx

data = mx.sym.var("data")
x = mx.sym.Convolution(data, kernel=(3, 3), num_filter=8, pad=(1, 1), name="conv1")
x = mx.sym.Activation(x, act_type="relu", name="relu1")
x = mx.sym.Pooling(x, kernel=(2, 2), stride=(2, 2), pool_type="max", name="pool1")
y = mx.sym.Convolution(x, kernel=(1, 1), num_filter=4, no_bias=True, num_group=2,
                       name="conv2")
z = mx.sym.Concat(x, y, dim=1, name="cat")
e = mx.sym.Embedding(mx.sym.var("tokens"), input_dim=20, output_dim=6, name="embed")
f = mx.sym.FullyConnected(mx.sym.Flatten(z, name="flat"), num_hidden=3, name="fc")
mx.viz.print_summary(mx.sym.Group([f, e]), shape={"data": (1, 3, 8, 8), "tokens": (2, 5)})
