import mxnet as mx
print(mx.context.num_gpus())
print(hasattr(mx, 'num_gpus'))
print(hasattr(mx.context, 'num_gpus'))
