# split_data: even and uneven splits, along axis 0 and 1, more slices than rows
from mxnet import nd, gluon
U = gluon.utils
x = nd.arange(20).reshape((5, 4))
for n in (1, 3, 5, 7):
    parts = U.split_data(x, n, even_split=False)
    print(n, [p.shape for p in parts])
print(U.split_data(x, 5))
print(U.split_data(x, 2, batch_axis=1))
print(U.split_data(x, 3, batch_axis=1, even_split=False))
print(U.split_data(nd.arange(6), 3))
