import mxnet as mx
with mx.gpu(2) as c:
    print(c, type(c).__name__)
    print(mx.current_context())
print(mx.current_context())
