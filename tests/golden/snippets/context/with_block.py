import mxnet as mx
from mxnet import nd
print(mx.current_context())
with mx.cpu(3) as c:
    print(c, c == mx.cpu(3))
    print(mx.current_context())
    x = nd.zeros((2,))
    print(x)
    print(x.context)
print(mx.current_context())
print(nd.ones((1,)).context)
