from mxnet import nd
print(nd.sign(nd.array([-2, 0, 3.5])))
print(nd.sign(nd.array([-2, 0, 3], dtype='int32')))
