import mxnet as mx
from mxnet import nd

x = nd.arange(2 * 3 * 4 * 5).reshape((2, 3, 4, 5))
print(nd.Crop(x, h_w=(2, 3)))
print(nd.Crop(x, offset=(1, 2), h_w=(2, 2)))
print(nd.Crop(x, h_w=(2, 3), center_crop=True))
print(nd.Crop(x, nd.zeros((1, 1, 3, 3)), num_args=2))
print(nd.Crop(x, nd.zeros((1, 1, 3, 3)), num_args=2, center_crop=True).shape)
y = nd.arange(1 * 2 * 4 * 4).reshape((1, 2, 4, 4))
c = nd.im2col(y, kernel=(2, 2))
print(c.shape)
print(c)
print(nd.im2col(y, kernel=(3, 3), stride=(2, 2), pad=(1, 1), dilate=(1, 1)))
print(nd.im2col(y, kernel=(2, 2), dilate=(2, 2)).shape)
print(nd.col2im(c, output_size=(4, 4), kernel=(2, 2)))
print(nd.col2im(nd.im2col(y, kernel=(3, 3), stride=(2, 2), pad=(1, 1)), output_size=(4, 4), kernel=(3, 3), stride=(2, 2), pad=(1, 1)))
