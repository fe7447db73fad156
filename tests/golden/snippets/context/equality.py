import mxnet as mx
print(mx.cpu() == mx.cpu(0))
print(mx.cpu(0) == mx.cpu(1))
print(mx.cpu(0) == mx.gpu(0))
print(mx.cpu() == 'cpu(0)')
print(mx.cpu() != mx.cpu(1))
print(mx.Context('gpu', 1) == mx.gpu(1))
