# Each RNN mode, one layer, final states returned; weights from a fixed formula.
from mxnet import nd

T, N, C, H = 3, 2, 4, 3
x = nd.sin(nd.arange(T * N * C)).reshape((T, N, C))
sizes = {'rnn_tanh': 1, 'rnn_relu': 1, 'lstm': 4, 'gru': 3}
for mode, g in sorted(sizes.items()):
    n = g * H * (C + H + 2)
    params = nd.sin(nd.arange(n)) * 0.3
    h0 = nd.cos(nd.arange(N * H)).reshape((1, N, H)) * 0.2
    args = [x, params, h0]
    if mode == 'lstm':
        args.append(nd.ones((1, N, H)) * 0.1)
    res = nd.RNN(*args, state_size=H, num_layers=1, mode=mode, state_outputs=True)
    print(mode, len(res))
    for r in res:
        print(r)
