from mxnet import nd
x = nd.arange(36).reshape((1, 1, 6, 6))
rois = nd.array([[0, 0, 0, 3, 3], [0, 2, 2, 5, 5], [0, 0, 0, 5, 5]])
y = nd.ROIPooling(x, rois, pooled_size=(2, 2), spatial_scale=1.0)
print(y)
print(nd.ROIPooling(x, rois, pooled_size=(3, 3), spatial_scale=0.5)[2])
