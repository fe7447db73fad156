import logging, sys
_root = logging.getLogger()
_handler = logging.StreamHandler(sys.stdout)
_old_level = _root.level
_root.addHandler(_handler)
_root.setLevel(logging.INFO)

import mxnet as mx
init = mx.init.One()
print(init.set_verbosity(True) is init)
init(mx.init.InitDesc('fc_weight'), mx.nd.zeros((2, 3)))
init(mx.init.InitDesc('fc_bias'), mx.nd.zeros((3,)))
init(mx.init.InitDesc('bn_gamma'), mx.nd.zeros((4,)))
init(mx.init.InitDesc('bn_beta'), mx.nd.zeros((4,)))
init(mx.init.InitDesc('q_min'), mx.nd.zeros((1,)))
init(mx.init.InitDesc('q_max'), mx.nd.zeros((1,)))
init(mx.init.InitDesc('fcx', attrs={'__init__': 'one'}), mx.nd.zeros((2,)))
init(mx.init.InitDesc('fcy', attrs={'__init__': '["constant", {"value": 3}]'}), mx.nd.zeros((4,)))
mx.init.Constant(2).set_verbosity(True)(mx.init.InitDesc('c_weight'), mx.nd.zeros((2, 2)))
_root.removeHandler(_handler)
_root.setLevel(_old_level)
