import mxnet as mx
from mxnet import nd

x = nd.arange(2 * 2 * 5 * 6).reshape((2, 2, 5, 6))
rois = nd.array([[0, 0.5, 0.5, 4.2, 3.7], [1, 1.0, 0.0, 5.0, 4.0], [0, 2.2, 1.1, 2.9, 1.6]])
print(nd.contrib.ROIAlign(x, rois, pooled_size=(2, 3), spatial_scale=1.0))
print(nd.contrib.ROIAlign(x, rois, pooled_size=(2, 2), spatial_scale=0.5, sample_ratio=2))
print(nd.contrib.ROIAlign(x, rois, pooled_size=(2, 2), spatial_scale=1.0, sample_ratio=2, aligned=True))
y = nd.arange(1 * 8 * 4 * 4).reshape((1, 8, 4, 4))
print(nd.contrib.ROIAlign(y, nd.array([[0, 0.0, 0.0, 3.0, 3.0]]), pooled_size=(2, 2), spatial_scale=1.0, sample_ratio=2, position_sensitive=True))
print(nd.contrib.ROIAlign(nd.ones((1, 1, 4, 4)), nd.array([[-1, 0, 0, 2, 2], [0, 0, 0, 2, 2]]), pooled_size=(1, 1), spatial_scale=1.0))
