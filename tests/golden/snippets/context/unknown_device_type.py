import mxnet as mx
print(mx.Context('cpu', 1))
mx.Context('npu')
