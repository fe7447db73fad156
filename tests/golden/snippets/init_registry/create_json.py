import mxnet as mx
print(mx.init.create('["normal", {"sigma": 0.5}]').dumps())
print(mx.init.create('{"initializer": "uniform", "scale": 0.2}').dumps())
print(mx.init.create('["Constant", {"value": 0.25}]').dumps())
print(mx.init.create('["zero", {}]').dumps())
print(mx.init.create('["xavier", {"rnd_type": "gaussian", "factor_type": "in", "magnitude": 2}]').dumps())
print(mx.init.create(' ["one", {}]'.strip()).dumps())
