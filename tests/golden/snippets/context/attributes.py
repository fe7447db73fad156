import mxnet as mx
for c in [mx.cpu(), mx.gpu(2), mx.cpu_pinned(1), mx.Context('cpu_shared')]:
    print(c.device_type, c.device_typeid, c.device_id)
