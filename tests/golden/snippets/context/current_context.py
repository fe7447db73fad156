import mxnet as mx
print(mx.current_context())
print(mx.context.current_context())
print(mx.current_context() == mx.cpu())
print(type(mx.current_context()).__name__)
