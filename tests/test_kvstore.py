"""mx.kv: the single-process store (sums, updaters, states, errors)."""
from __future__ import annotations

import numpy as np
import pytest

import mxcompat as mx


def test_push_sums_and_pull_copies():
    kv = mx.kv.create('device')
    kv.init(['w', 'b'], [mx.nd.zeros((2, 2)), mx.nd.zeros(3)])
    kv.push(['w', 'b'], [[mx.nd.ones((2, 2)), mx.nd.ones((2, 2)) * 2], [mx.nd.ones(3)]])
    outs = [mx.nd.zeros((2, 2)), mx.nd.zeros((2, 2))]
    b = mx.nd.zeros(3, dtype='float64')
    kv.pull(['w', 'b'], out=[outs, b])
    for o in outs:
        np.testing.assert_array_equal(o.asnumpy(), 3)
    assert b.dtype == np.float64 and (b.asnumpy() == 1).all()


def test_optimizer_states_round_trip(tmp_path):
    kv = mx.kv.create('local')
    kv.init(0, mx.nd.ones(2))
    kv.set_optimizer(mx.optimizer.SGD(learning_rate=0.1, momentum=0.9))
    for _ in range(2):
        kv.push(0, mx.nd.ones(2))
    fname = str(tmp_path / 'kv.states')
    kv.save_optimizer_states(fname)
    kv2 = mx.kv.create('local')
    kv2.set_optimizer(mx.optimizer.SGD(learning_rate=0.1, momentum=0.9))
    kv2.load_optimizer_states(fname)
    np.testing.assert_allclose(kv2._updater.states[0].asnumpy(), -0.19, rtol=1e-6)


def test_errors():
    kv = mx.kv.create()
    kv.init(1, mx.nd.ones(2))
    with pytest.raises(mx.MXNetError, match='Mixed key types'):
        kv.init('a', mx.nd.ones(2))
    with pytest.raises(mx.MXNetError, match='duplicate init of key 1'):
        kv.init(1, mx.nd.ones(2))
    with pytest.raises(mx.MXNetError, match='has not been inited'):
        kv.pull(2, out=mx.nd.ones(2))
    with pytest.raises(AssertionError, match='Cannot save states'):
        kv.save_optimizer_states('unused')
    with pytest.raises(NotImplementedError):
        mx.kv.create('dist_sync')
    with pytest.raises(TypeError, match='name must be a string'):
        mx.kv.create(3)
