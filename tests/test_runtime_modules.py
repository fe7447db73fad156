"""mx.util, mx.engine, mx.runtime, mx.library, mx.profiler, mx.monitor."""
import pytest

import mxcompat as mx
from mxcompat import engine, library, monitor, profiler, runtime, util


def test_util_flags():
    assert util.is_np_array() is False and util.is_np_shape() is False
    assert util.set_np_shape(False) is False
    with pytest.raises(NotImplementedError, match="mx.np"):
        util.set_np_shape(True)
    with pytest.raises(NotImplementedError, match="mx.np"):
        util.use_np(lambda: None)
    with util.np_shape(False):
        pass
    util.setenv("MXC_TEST_VAR", 3)
    assert util.getenv("MXC_TEST_VAR") == "3"
    util.setenv("MXC_TEST_VAR", None)
    assert util.getenv("MXC_TEST_VAR") is None


def test_engine_bulk():
    prev = engine.set_bulk_size(7)
    try:
        with engine.bulk(3):
            assert engine.set_bulk_size(3) == 3
        assert engine.set_bulk_size(7) == 7
    finally:
        engine.set_bulk_size(prev)


def test_runtime_features_and_library():
    f = runtime.Features()
    assert "CUDA" in f and isinstance(f.is_enabled("cuda"), bool)
    assert repr(f["PROFILER"]) == "✔ PROFILER"
    with pytest.raises(RuntimeError):
        f.is_enabled("NOPE")
    with pytest.raises(NotImplementedError):
        library.load("x.so")


def test_profiler_never_crashes(tmp_path):
    profiler.set_config(profile_all=True, aggregate_stats=True,
                        filename=str(tmp_path / "p.json"))
    profiler.set_state("run")
    dom = profiler.Domain("d")
    with profiler.Task(dom, "t"):
        pass
    profiler.set_state("stop")
    text = profiler.dumps(reset=True)
    assert text.startswith("\nProfile Statistics:\n\tNote the difference in units")
    assert "\nd\n=================\n" in text
    profiler.dump()
    assert (tmp_path / "p.json").exists()


def test_monitor_executor():
    x = mx.sym.Variable("x")
    exe = (x * 2).bind(mx.cpu(), {"x": mx.nd.ones((2, 2))})
    mon = monitor.Monitor(1, pattern=".*output")
    mon.install(exe)
    mon.tic()
    exe.forward()
    res = mon.toc()
    assert [r[1] for r in res] == ["_mulscalar0_output"] and res[0][2].startswith("[2.]")
