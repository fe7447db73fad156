# Two stacked bidirectional layers for LSTM and GRU: output (T, N, 2H), states (2L, N, H).
from mxnet import nd

T, N, C, H = 4, 2, 3, 2
x = nd.cos(nd.arange(T * N * C) * 0.7).reshape((T, N, C))
for mode, g in (('lstm', 4), ('gru', 3)):
    n = 2 * g * H * (C + H + 2) + 2 * g * H * (2 * H + H + 2)
    params = nd.sin(nd.arange(n) * 1.3) * 0.4
    args = [x, params, nd.zeros((4, N, H))]
    if mode == 'lstm':
        args.append(nd.sin(nd.arange(4 * N * H)).reshape((4, N, H)) * 0.5)
    res = nd.RNN(*args, state_size=H, num_layers=2, bidirectional=True, mode=mode,
                 state_outputs=True)
    for r in res:
        print(r.shape)
        print(r)
