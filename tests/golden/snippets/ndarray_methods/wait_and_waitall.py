from mxnet import nd
a = nd.ones(2)
print(a.wait_to_read())
print(nd.waitall())
print(a)
