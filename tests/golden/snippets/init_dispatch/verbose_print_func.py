import logging, sys
_root = logging.getLogger()
_handler = logging.StreamHandler(sys.stdout)
_old_level = _root.level
_root.addHandler(_handler)
_root.setLevel(logging.INFO)

import mxnet as mx
init = mx.init.Uniform(0.5).set_verbosity(True, print_func=lambda x: 'shape=%s' % (x.shape,))
init(mx.init.InitDesc('fc_weight'), mx.nd.zeros((2, 3)))
init(mx.init.InitDesc('fc_bias'), mx.nd.zeros((3,)))
init.set_verbosity(False)
init(mx.init.InitDesc('fc_weight'), mx.nd.zeros((2, 3)))
init.set_verbosity(True)
init(mx.init.InitDesc('fc_bias'), mx.nd.zeros((5,)))
init2 = mx.init.Zero().set_verbosity(False, print_func=lambda x: 'never')
init2(mx.init.InitDesc('fc_weight'), mx.nd.zeros((2, 3)))
_root.removeHandler(_handler)
_root.setLevel(_old_level)
