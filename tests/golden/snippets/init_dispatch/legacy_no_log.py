import logging, sys
_root = logging.getLogger()
_handler = logging.StreamHandler(sys.stdout)
_old_level = _root.level
_root.addHandler(_handler)
_root.setLevel(logging.INFO)

import mxnet as mx
init = mx.init.One().set_verbosity(True)
init('fc_weight', mx.nd.zeros((2,)))
init(mx.init.InitDesc('fc_weight'), mx.nd.zeros((2,)))
_root.removeHandler(_handler)
_root.setLevel(_old_level)
