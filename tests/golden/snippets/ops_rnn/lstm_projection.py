# LSTM with a projection: hidden state and output have projection_size features.
from mxnet import nd

T, N, C, H, P = 3, 2, 4, 5, 3
x = nd.sin(nd.arange(T * N * C)).reshape((T, N, C))
n = 4 * H * C + 4 * H * P + P * H + 8 * H
n += 4 * H * P + 4 * H * P + P * H + 8 * H
res = nd.RNN(x, nd.sin(nd.arange(n)) * 0.3, nd.ones((2, N, P)) * 0.1, nd.ones((2, N, H)) * 0.2,
             state_size=H, num_layers=2, mode='lstm', projection_size=P, state_outputs=True)
for r in res:
    print(r.shape)
    print(r)
