import mxnet as mx
print(mx.init.Uniform(0.1) == mx.init.Uniform(0.1))
print(mx.init.Uniform(0.1) == mx.init.Uniform(scale=0.1))
print(mx.init.Uniform(0.1) != mx.init.Uniform(0.2))
print(mx.init.Uniform(0.1) == mx.init.Normal(0.1))
print(mx.init.Zero() == mx.init.Zero(), mx.init.Zero() == mx.init.One())
print(mx.init.Zero() == 0, mx.init.Zero() != 0, mx.init.Zero() == None)
print(mx.init.Xavier() == mx.init.Xavier('uniform', 'avg', 3))
print(mx.init.Xavier(magnitude=3) == mx.init.Xavier(magnitude=3.0))
print(mx.init.Constant(3) == mx.init.Constant(3.0))
c = mx.nd.array([1, 2])
print(mx.init.Constant(c) == mx.init.Constant(c))
print(mx.init.Initializer(a=1) == mx.init.Initializer(a=1))
class U(mx.init.Uniform):
    pass
print(U(0.1) == mx.init.Uniform(0.1))
