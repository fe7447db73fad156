import mxnet as mx
print(mx.init.Orthogonal(scale=2, rand_type='normal').dumps())
print(mx.init.Orthogonal(0.5).dumps())
print(mx.init.Orthogonal(rand_type='normal').dumps())
print(mx.init.MSRAPrelu('in', 0.1).dumps())
print(mx.init.MSRAPrelu(slope=0).dumps())
print(mx.init.MSRAPrelu(factor_type='out').dumps())
m = mx.init.MSRAPrelu()
print(m.rnd_type, m.factor_type, round(m.magnitude, 6))
