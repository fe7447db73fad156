import mxnet as mx
with mx.cpu(1):
    print(mx.current_context())
    with mx.cpu(2):
        print(mx.current_context())
    print(mx.current_context())
print(mx.current_context())
