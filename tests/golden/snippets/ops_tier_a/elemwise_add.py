from mxnet import nd
a = nd.array([[1, 2], [3, 4]])
print(nd.elemwise_add(a, a))
print(nd.elemwise_sub(a, nd.ones((2, 2))))
print(nd.elemwise_mul(a, a))
print(nd.elemwise_div(a, nd.full((2, 2), 2)))
