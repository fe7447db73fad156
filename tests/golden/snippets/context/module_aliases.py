import mxnet as mx
print(mx.Context is mx.context.Context)
print(mx.cpu is mx.context.cpu, mx.gpu is mx.context.gpu)
print(isinstance(mx.cpu(), mx.Context))
