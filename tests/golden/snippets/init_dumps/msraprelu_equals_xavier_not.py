import mxnet as mx
m = mx.init.MSRAPrelu()
x = mx.init.Xavier('gaussian', 'avg', 2 / (1 + 0.25 ** 2))
print(m == x, m.dumps() == x.dumps())
print(m == mx.init.MSRAPrelu('avg', 0.25), m == mx.init.MSRAPrelu('avg', 0.5))
