import mxnet as mx
data = mx.sym.Variable('data')
with mx.name.NameManager():
    c = mx.sym.Convolution(data, kernel=(3, 3), num_filter=8, pad=(1, 1), stride=(1, 1))
    b = mx.sym.BatchNorm(c, fix_gamma=False, eps=1e-5, momentum=0.9)
    r = mx.sym.Activation(b, act_type='relu')
    p = mx.sym.Pooling(r, kernel=(2, 2), stride=(2, 2), pool_type='max')
    a = mx.sym.Pooling(p, global_pool=True, kernel=(1, 1), pool_type='avg')
    d = mx.sym.Dropout(mx.sym.flatten(a), p=0.5)
    f = mx.sym.FullyConnected(d, num_hidden=10)
    out = mx.sym.SoftmaxOutput(f, name='softmax')
print(out.tojson())
