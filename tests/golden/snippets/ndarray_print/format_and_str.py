from mxnet import nd
x = nd.array([1, 2])
print('{}'.format(x))
print('<%s>' % (x,))
print(str(x) == repr(x))
print('val=' + str(x))
