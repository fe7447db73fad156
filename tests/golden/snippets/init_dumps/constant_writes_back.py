import mxnet as mx
c = mx.init.Constant(mx.nd.array([[1, 2]]))
print(type(c._kwargs['value']).__name__)
print(c.dumps())
print(type(c._kwargs['value']).__name__, c._kwargs['value'])
print(type(c.value).__name__)
w = mx.nd.zeros((3, 2))
c(mx.init.InitDesc('c_weight'), w)
print(w)
