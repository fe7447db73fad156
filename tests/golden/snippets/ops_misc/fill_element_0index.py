from mxnet import nd
print(nd.fill_element_0index(nd.zeros((2, 3)), nd.array([7, 8]), nd.array([2, 0])))
