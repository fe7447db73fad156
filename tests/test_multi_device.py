"""Several devices: parameters on a context list, gradients summed across contexts before
the update (MXNet's 'device'/'local' kvstore). Runs in its own process with four
simulated CPU devices."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.fixture(scope="module")
def results():
    env = dict(os.environ, XLA_FLAGS="--xla_force_host_platform_device_count=4",
               JAX_PLATFORMS="cpu")
    proc = subprocess.run([sys.executable, os.path.join(HERE, "multidevice",
                                                        "train_data_parallel.py")],
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def test_copies_live_on_their_devices_and_stay_equal(results):
    four = results["four"]
    for key, copies in four.items():
        if key.endswith("@devices"):
            assert copies == [f"TFRT_CPU_{i}" for i in range(4)] or len(set(copies)) == 4
            continue
        for c in copies[1:]:
            np.testing.assert_array_equal(np.array(c), np.array(copies[0]))


@pytest.mark.parametrize("variant", ["four", "four_hybrid", "four_local_no_kvupdate"])
def test_data_parallel_equals_single_device(results, variant):
    single = results["single"]
    for key, copies in results[variant].items():
        if key.endswith("@devices"):
            continue
        np.testing.assert_allclose(np.array(copies[0]), np.array(single[key][0]),
                                   rtol=2e-5, atol=2e-6)
