from mxnet import nd, autograd
x = nd.array([1., 2.])
autograd.mark_variables([x], [nd.zeros(2)], grad_reqs='foo')
