import mxnet as mx
from mxnet import nd

aff = nd.array([[1.0, 0.0, 0.0, 0.0, 1.0, 0.0], [0.8, 0.2, 0.1, -0.1, 0.9, 0.05]])
g = nd.GridGenerator(aff, transform_type='affine', target_shape=(3, 4))
print(g)
flow = nd.array([[[[1.0, 0.0, -1.0], [0.5, 0.5, 0.0]], [[0.0, 1.0, 0.5], [0.0, -0.5, 2.0]]]])
print(nd.GridGenerator(flow, transform_type='warp'))
data = nd.arange(2 * 2 * 4 * 5).reshape((2, 2, 4, 5))
print(nd.BilinearSampler(data, g))
grid = nd.array([[[[-1.2, -0.5, 0.0, 0.99], [1.0, 0.3, 1.5, -1.0]], [[-1.0, 0.2, 0.5, 1.0], [0.0, -0.7, 0.9, 1.1]]]]).tile((2, 1, 1, 1))
print(nd.BilinearSampler(data, grid))
print(nd.SpatialTransformer(data, aff, target_shape=(3, 4), transform_type='affine', sampler_type='bilinear'))
