import mxnet as mx
for c in [mx.cpu(), mx.cpu(3), mx.gpu(1), mx.cpu_pinned(), mx.Context('cpu_shared', 2)]:
    print(c, repr(c), str(c))
