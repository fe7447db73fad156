import mxnet as mx
import mxnet.initializer
print(mx.init is mx.initializer)
print(mx.init is mxnet.initializer)
from mxnet import init
print(init is mx.initializer)
print(init.Xavier is mx.initializer.Xavier)
