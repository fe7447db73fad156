import logging, sys
_root = logging.getLogger()
_handler = logging.StreamHandler(sys.stdout)
_old_level = _root.level
_root.addHandler(_handler)
_root.setLevel(logging.INFO)

import mxnet as mx
L = mx.init.Load({'arg:a_weight': mx.nd.ones((2,))}, default_init=mx.init.One(), verbose=True)
L(mx.init.InitDesc('a_weight'), mx.nd.zeros((2,)))
L(mx.init.InitDesc('b_weight'), mx.nd.zeros((2,)))
L2 = mx.init.Load({'a_weight': mx.nd.ones((2,))}, default_init=mx.init.One().set_verbosity(True), verbose=True)
L2(mx.init.InitDesc('c_weight'), mx.nd.zeros((2,)))
_root.removeHandler(_handler)
_root.setLevel(_old_level)
