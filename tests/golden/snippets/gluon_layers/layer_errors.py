def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

import mxnet as mx
from mxnet.gluon import nn
check(lambda: nn.Conv1D(4, 3, layout='NWC'))
check(lambda: nn.Conv2D(4, 3, layout='NCW'))
check(lambda: nn.Conv3D(4, 3, layout='NCHW'))
check(lambda: nn.Conv2DTranspose(4, 3, layout='NDHWC'))
check(lambda: nn.Conv2D(4, (3, 3, 3)))
check(lambda: nn.Conv2DTranspose(4, 3, output_padding=(1, 1, 1)))
check(lambda: nn.Conv2D(5, 3, groups=2))
check(lambda: nn.Conv2D(4, 3, groups=2, in_channels=3))
check(lambda: nn.Conv2DTranspose(4, 3, groups=2, in_channels=3))
check(lambda: nn.Conv2DTranspose(5, 3, groups=2))
check(lambda: nn.Conv2D(4, 3, strides=(1, 1, 1)))
check(lambda: nn.MaxPool2D(layout='NCW'))
check(lambda: nn.AvgPool1D(layout='NCHW'))
check(lambda: nn.GlobalMaxPool3D(layout='NHWC'))
check(lambda: nn.MaxPool2D((2, 2, 2)))
check(lambda: nn.LeakyReLU(-0.1))
check(lambda: nn.ReflectionPad2D((1, 1)))
p = nn.PReLU(in_channels=0)
check(lambda: p.initialize())
