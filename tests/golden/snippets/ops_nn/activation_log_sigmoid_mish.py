def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
x = nd.array([-2, 0, 2])
check(lambda: nd.Activation(x, act_type='log_sigmoid'))
check(lambda: nd.Activation(x, act_type='mish'))
check(lambda: nd.Activation(x, act_type='gelu'))
