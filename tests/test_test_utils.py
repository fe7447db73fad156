"""mx.test_utils: tolerances, the failure report, and the executor-based checks."""
from __future__ import annotations

import numpy as np
import pytest

import mxcompat as mx
from mxcompat import test_utils as tu


@pytest.fixture(autouse=True)
def _restore_printoptions():
    saved = np.get_printoptions()
    yield
    np.set_printoptions(**saved)


def test_report_and_message(capsys):
    with pytest.raises(AssertionError) as info:
        tu.assert_almost_equal(np.array([1, 2, 3.]), np.array([1, 2.5, 3]))
    assert str(info.value) == (
        '\nItems are not equal:\nError 20000.000000 exceeds tolerance rtol=1.000000e-05, '
        'atol=1.000000e-20 (mismatch 33.333333%).\nLocation of maximum error: (1,), '
        'a=2.00000000, b=2.50000000\n ACTUAL: array([1., 2., 3.])\n DESIRED: array([1. , 2.5, 3. ])')
    assert '  1: Error 20000.000000  Location of error: (1,), a=2.00000000, b=2.50000000' \
        in capsys.readouterr().out


def test_default_tolerances_take_the_larger_dtype():
    tu.assert_almost_equal(mx.nd.array([1, 2]), np.array([1, 2.0001]))
    assert tu.get_tols(np.ones(1, np.float16), np.ones(1), None, None) == (0.01, 0.1)


def test_numeric_gradient_catches_a_wrong_gradient():
    a = mx.sym.Variable('a')
    np.random.seed(1)
    x = np.random.uniform(0.5, 1.5, (3, 4))
    tu.check_numeric_gradient(mx.sym.sqrt(a), [x], rtol=1e-2, atol=1e-3)
    with pytest.raises(AssertionError):
        tu.check_symbolic_backward(mx.sym.sqrt(a), [x], [np.ones((3, 4))], [np.ones((3, 4))])
    tu.check_symbolic_backward(mx.sym.sqrt(a), [x], [np.ones((3, 4))], [0.5 / np.sqrt(x)])


def test_consistency_and_helpers():
    a = mx.sym.Variable('a')
    np.random.seed(0)
    gt = tu.check_consistency(mx.sym.exp(a), [
        {'ctx': mx.cpu(0), 'a': (2, 3), 'type_dict': {'a': np.float32}},
        {'ctx': mx.cpu(0), 'a': (2, 3), 'type_dict': {'a': np.float64}}])
    assert gt['a'].dtype == np.float64
    x = mx.nd.ones((2, 3))
    assert tu.same_array(x, x[:]) and not tu.same_array(x, x.copy())
    with pytest.raises(NotImplementedError):
        tu.rand_ndarray((2, 2), stype='csr')


def test_download_and_get_mnist_read_local_files(tmp_path):
    import gzip
    import struct

    import mxcompat as mx

    tu = mx.test_utils
    with pytest.raises(RuntimeError, match="does not download"):
        tu.download("http://example.com/x.bin", dirname=str(tmp_path))
    (tmp_path / "x.bin").write_bytes(b"abc")
    assert tu.download("http://example.com/x.bin", dirname=str(tmp_path)) == \
        str(tmp_path / "x.bin")

    def write(name, n, images):
        with gzip.open(tmp_path / name, "wb") as f:
            if images:
                f.write(struct.pack(">IIII", 2051, n, 28, 28))
                f.write((np.arange(n * 784) % 256).astype(np.uint8).tobytes())
            else:
                f.write(struct.pack(">II", 2049, n))
                f.write(np.arange(n, dtype=np.int8).tobytes())

    for prefix, n in (("train", 3), ("t10k", 2)):
        write(f"{prefix}-labels-idx1-ubyte.gz", n, False)
        write(f"{prefix}-images-idx3-ubyte.gz", n, True)
    d = tu.get_mnist(str(tmp_path))
    assert d["train_data"].shape == (3, 1, 28, 28) and d["train_data"].dtype == np.float32
    assert d["test_label"].tolist() == [0, 1] and d["test_label"].dtype == np.int8
    assert d["train_data"].max() == 255 / 255 and d["train_data"][0, 0, 0, 1] == 1 / 255
