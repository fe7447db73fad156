import mxnet as mx
from mxnet import nd

s = nd.array([[0.5, 1.0, 2.5], [0.1, 0.7, 3.0]])
print(nd.random_pdf_uniform(s, nd.array([0.0, 0.5]), nd.array([1.0, 4.0])))
print(nd.random_pdf_normal(s, nd.array([0.0, 1.0]), nd.array([1.0, 2.0])))
print(nd.random_pdf_normal(s, nd.array([0.0, 1.0]), nd.array([1.0, 2.0]), is_log=True))
print(nd.random_pdf_gamma(s, nd.array([2.0, 0.5]), nd.array([1.5, 2.0])))
print(nd.random_pdf_exponential(s, nd.array([2.0, 0.5])))
c = nd.array([[0, 1, 3], [2, 5, 0]])
print(nd.random_pdf_poisson(c, nd.array([1.5, 2.0])))
print(nd.random_pdf_negative_binomial(c, nd.array([3, 2]), nd.array([0.4, 0.7])))
print(nd.random_pdf_generalized_negative_binomial(c, nd.array([2.0, 1.5]), nd.array([0.5, 0.3])))
print(nd.random_pdf_generalized_negative_binomial(c, nd.array([2.0, 1.5]), nd.array([0.5, 0.3]), is_log=True))
d = nd.array([[[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]]])
print(nd.random_pdf_dirichlet(d, nd.array([[1.5, 2.0, 3.0]])))
print(nd.random_pdf_dirichlet(d, nd.array([[1.5, 2.0, 3.0]]), is_log=True))
print(nd.random_pdf_uniform(s, nd.array([0.6, 0.5]), nd.array([1.0, 4.0]), is_log=True))
print(nd.random_pdf_normal(nd.array([[[0.5], [1.0]]]), nd.array([[0.0, 1.0]]), nd.array([[1.0, 2.0]])).shape)
