import mxnet as mx
import numpy as np
print(mx.init.Constant(mx.nd.array([1, 2])).dumps())
print(mx.init.Constant(np.array([1., 2.])).dumps())
print(mx.init.Constant(np.array([[1, 2], [3, 4]], dtype='int32')).dumps())
print(mx.init.Constant(np.array(5.)).dumps())
print(mx.init.Constant(mx.nd.array([5])).dumps())
print(mx.init.Constant(mx.nd.array([[0.5, 1.5]], dtype='float64')).dumps())
print(mx.init.Constant(mx.nd.array([1, 2], dtype='int32')).dumps())
