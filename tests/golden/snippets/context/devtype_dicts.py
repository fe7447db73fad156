import mxnet as mx
print(sorted(mx.Context.devtype2str.items()))
print(sorted(mx.Context.devstr2type.items()))
