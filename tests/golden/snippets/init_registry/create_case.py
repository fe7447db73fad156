import mxnet as mx
print(type(mx.init.create('Uniform')).__name__)
print(type(mx.init.create('XAVIER')).__name__)
print(type(mx.init.create('ZeRoS')).__name__)
print(mx.init.create('MSRAPrelu').dumps())
print(mx.init.create('LSTMBias', 3.0).dumps())
