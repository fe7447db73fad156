"""Module / BucketingModule / mx.model / mx.callback beyond the goldens: the MXNet-exact
Mixed docstring values, data parallelism over several contexts, the compiled update."""
from __future__ import annotations

import logging

import numpy as np
import pytest

import mxcompat as mx


def _net():
    data = mx.sym.Variable('data')
    fc = mx.sym.FullyConnected(data, num_hidden=3, name='fc')
    return mx.sym.SoftmaxOutput(fc, name='softmax')


def _data():
    x = (np.arange(48, dtype=np.float32).reshape(16, 3) % 7) / 7
    y = (np.arange(16) % 3).astype(np.float32)
    return x, y


def _params():
    w = (np.arange(9, dtype=np.float32).reshape(3, 3) - 4) / 10
    return {'fc_weight': mx.nd.array(w), 'fc_bias': mx.nd.array([0.1, 0, -0.1])}


def _fit(context, kvstore='local', epochs=2):
    x, y = _data()
    it = mx.io.NDArrayIter(x, y, batch_size=8)
    mod = mx.mod.Module(_net(), context=context)
    mod.fit(it, num_epoch=epochs, arg_params=_params(), kvstore=kvstore,
            optimizer_params={'learning_rate': 0.5, 'momentum': 0.9})
    return {k: v.asnumpy() for k, v in mod.get_params()[0].items()}, mod


@pytest.fixture
def exact_stream():
    import mxcompat.random as rnd
    old = rnd.get_stream()
    rnd.set_stream('mxnet')
    try:
        yield rnd
    finally:
        rnd.set_stream(old)
        rnd.seed(0)


def test_mixed_docstring_exact_values(exact_stream):
    with mx.name.NameManager():
        data = mx.sym.Variable('data')
        net = mx.sym.FullyConnected(data, num_hidden=1)
        net = mx.sym.FullyConnected(data, num_hidden=1)
    module = mx.mod.Module(symbol=net, data_names=['data'], label_names=None)
    module.bind(data_shapes=[('data', (1, 3))])
    exact_stream.seed(0)
    init = mx.initializer.Mixed(['bias', '.*'], [mx.init.Zero(), mx.init.Uniform(0.1)])
    module.init_params(init)
    arg, aux = module.get_params()
    assert list(arg) == ['fullyconnected1_weight', 'fullyconnected1_bias'] and aux == {}
    assert str(arg['fullyconnected1_weight'].asnumpy()) == '[[0.0097627  0.01856892 0.04303787]]'
    assert str(arg['fullyconnected1_bias'].asnumpy()) == '[0.]'


def test_two_contexts_match_one():
    one, _ = _fit(mx.cpu(0))
    two, mod = _fit([mx.cpu(0), mx.cpu(1)])
    assert mod._kvstore is not None and mod._update_on_kvstore
    for k in one:
        np.testing.assert_allclose(two[k], one[k], rtol=1e-5, atol=1e-6)
    # both contexts hold the same weights
    w0, w1 = mod._exec_group.param_arrays[0]
    np.testing.assert_array_equal(w0.asnumpy(), w1.asnumpy())


def test_two_contexts_without_update_on_kvstore(monkeypatch):
    one, _ = _fit(mx.cpu(0))
    monkeypatch.setenv('MXNET_UPDATE_ON_KVSTORE', '0')
    two, mod = _fit([mx.cpu(0), mx.cpu(1)])
    assert not mod._update_on_kvstore and mod._updater is not None
    for k in one:
        np.testing.assert_allclose(two[k], one[k], rtol=1e-5, atol=1e-6)


def test_workload_split_and_merged_outputs():
    mod = mx.mod.Module(_net(), context=[mx.cpu(0), mx.cpu(1)], work_load_list=[3, 1])
    mod.bind(data_shapes=[('data', (8, 3))], label_shapes=[('softmax_label', (8,))])
    assert [(s.start, s.stop) for s in mod._exec_group.slices] == [(0, 6), (6, 8)]
    mod.set_params(_params(), {})
    x, y = _data()
    mod.forward(mx.io.DataBatch([mx.nd.array(x[:8])], [mx.nd.array(y[:8])]), is_train=False)
    single = mx.mod.Module(_net())
    single.bind(data_shapes=[('data', (8, 3))], label_shapes=[('softmax_label', (8,))],
                for_training=False)
    single.set_params(_params(), {})
    single.forward(mx.io.DataBatch([mx.nd.array(x[:8])], [mx.nd.array(y[:8])]))
    np.testing.assert_allclose(mod.get_outputs()[0].asnumpy(),
                               single.get_outputs()[0].asnumpy(), rtol=1e-6)
    assert [o.shape for o in mod.get_outputs(merge_multi_context=False)[0]] == [(6, 3), (2, 3)]


def test_update_is_one_cached_compiled_call():
    from mxcompat.optimizer import fused
    x, y = _data()
    mod = mx.mod.Module(_net())
    mod.bind(data_shapes=[('data', (8, 3))], label_shapes=[('softmax_label', (8,))])
    mod.init_params(mx.init.Xavier())
    mod.init_optimizer(optimizer='adam')
    batch = mx.io.DataBatch([mx.nd.array(x[:8])], [mx.nd.array(y[:8])])
    mod.forward_backward(batch)
    mod.update()
    before = fused.trace_count()
    for _ in range(5):
        mod.forward_backward(batch)
        mod.update()
    assert fused.trace_count() == before


def test_fit_logs_and_checkpoint_callbacks(tmp_path, caplog):
    x, y = _data()
    it = mx.io.NDArrayIter(x, y, batch_size=8)
    val = mx.io.NDArrayIter(x, y, batch_size=8)
    mod = mx.mod.Module(_net())
    prefix = str(tmp_path / 'm')
    with caplog.at_level(logging.INFO):
        mod.fit(it, eval_data=val, num_epoch=2, arg_params=_params(),
                epoch_end_callback=[mx.callback.do_checkpoint(prefix),
                                    mx.callback.module_checkpoint(mod, prefix + 'x', 2, True)])
    lines = [r.getMessage() for r in caplog.records]
    assert any(line.startswith('Epoch[1] Train-accuracy=') for line in lines)
    assert any(line.startswith('Epoch[1] Time cost=') for line in lines)
    assert any(line.startswith('Epoch[1] Validation-accuracy=') for line in lines)
    assert 'Saved checkpoint to "%s-0002.params"' % prefix in lines
    sym, arg, aux = mx.model.load_checkpoint(prefix, 2)
    assert sym.list_arguments() == mod.symbol.list_arguments()
    for k, v in mod.get_params()[0].items():
        np.testing.assert_array_equal(arg[k].asnumpy(), v.asnumpy())
    loaded = mx.mod.Module.load(prefix + 'x', 2, load_optimizer_states=True)
    loaded.bind(it.provide_data, it.provide_label)
    loaded.init_optimizer()
    assert loaded._updater.states.keys() == mod._updater.states.keys()


def test_bucketing_shares_parameters():
    def gen(key):
        data = mx.sym.Variable('data')
        net = mx.sym.FullyConnected(data, num_hidden=2, name='fc')
        return mx.sym.MakeLoss(net), ('data',), None

    mod = mx.mod.BucketingModule(gen, default_bucket_key=4)
    mod.bind(data_shapes=[('data', (4, 3))])
    mod.init_params(mx.init.One())
    mod.init_optimizer(optimizer_params={'learning_rate': 0.1})
    for key in (2, 4, 2):
        mod.forward(mx.io.DataBatch([mx.nd.ones((key, 3))], bucket_key=key,
                                    provide_data=[mx.io.DataDesc('data', (key, 3))]))
        mod.backward()
        mod.update()
    w2 = mod._buckets[2]._exec_group.param_arrays[0][0]
    w4 = mod._buckets[4]._exec_group.param_arrays[0][0]
    assert w2 is w4
    # 2 + 4 + 2 rows of ones, rescale 1/4, lr 0.1
    np.testing.assert_allclose(mod.get_params()[0]['fc_weight'].asnumpy(), 1 - 0.1 * 8 / 4)


def test_not_implemented_parts():
    with pytest.raises(NotImplementedError):
        mx.mod.Module(_net(), group2ctxs=[{}])
    with pytest.raises(NotImplementedError):
        mx.model.FeedForward(_net())
    mod = mx.mod.Module(_net())
    with pytest.raises(NotImplementedError):
        mod.install_monitor(None)
