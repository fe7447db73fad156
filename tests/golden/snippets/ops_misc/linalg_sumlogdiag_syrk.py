from mxnet import nd
a = nd.array([[1, 0], [0, 2.718281828]])
print(nd.linalg.sumlogdiag(a))
print(nd.linalg.sumlogdiag(nd.stack(a, a * 2)))
print(nd.linalg.syrk(nd.array([[1, 2], [3, 4]])))
print(nd.linalg.extractdiag(nd.array([[1, 2], [3, 4]])))
