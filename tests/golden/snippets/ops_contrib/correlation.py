import mxnet as mx
from mxnet import nd

a = nd.arange(1 * 2 * 5 * 5).reshape((1, 2, 5, 5))
b = (nd.arange(1 * 2 * 5 * 5).reshape((1, 2, 5, 5)) % 7) * 0.5
c = nd.Correlation(a, b, kernel_size=1, max_displacement=1, stride1=1, stride2=1, pad_size=1)
print(c.shape)
print(c[0, :, :2, :3])
c = nd.Correlation(a, b, kernel_size=3, max_displacement=2, stride1=2, stride2=2, pad_size=2,
                   is_multiply=False)
print(c)
print(nd.Correlation(a, b, kernel_size=1, max_displacement=2, stride1=1, stride2=1, pad_size=0).shape)
print(nd.Correlation(a, b, kernel_size=3, max_displacement=1, stride1=3, stride2=1, pad_size=1)[0, 4])
