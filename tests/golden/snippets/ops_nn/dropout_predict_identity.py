from mxnet import nd
x = nd.arange(6).reshape((2, 3))
print(nd.Dropout(x, p=0.5))
print(nd.Dropout(x, p=0.9, mode='training'))
print(nd.Dropout(x))
