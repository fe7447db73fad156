import mxnet as mx
from mxnet import nd

x = nd.arange(2 * 1 * 5 * 7).reshape((2, 1, 5, 7))
print(nd.contrib.AdaptiveAvgPooling2D(x, output_size=(2, 3)))
print(nd.contrib.AdaptiveAvgPooling2D(x, output_size=3))
print(nd.contrib.AdaptiveAvgPooling2D(x))
x = nd.arange(1 * 2 * 3 * 4).reshape((1, 2, 3, 4))
print(nd.contrib.BilinearResize2D(x, height=5, width=3))
print(nd.contrib.BilinearResize2D(x, height=5, width=6, align_corners=False))
print(nd.contrib.BilinearResize2D(x, scale_height=2.0, scale_width=0.5))
print(nd.contrib.BilinearResize2D(x, nd.zeros((1, 1, 2, 2)), mode='like'))
print(nd.contrib.BilinearResize2D(x, mode='odd_scale', scale_height=2.0, scale_width=2.0).shape)
print(nd.contrib.BilinearResize2D(x, mode='to_even_up').shape)
print(nd.contrib.BilinearResize2D(x, mode='to_odd_down').shape)
x = nd.arange(6).reshape((1, 1, 2, 3)).astype('float16')
print(nd.contrib.BilinearResize2D(x, height=3, width=5))
print(nd.contrib.AdaptiveAvgPooling2D(nd.arange(12).reshape((1, 1, 3, 4)), output_size=(5, 6)))
