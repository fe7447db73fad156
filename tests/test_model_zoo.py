"""gluon.model_zoo: structure and names (the goldens compare with MXNet), model_store
without network, hybridized == eager numbers."""
from __future__ import annotations

import numpy as np
import pytest

import mxcompat as mx
from mxcompat.gluon.model_zoo import model_store, vision


def test_every_mxnet_model_name_is_there():
    assert len(vision._MODELS) == 34
    with pytest.raises(ValueError, match="Model nope is not supported"):
        vision.get_model("nope")


def test_pretrained_missing_file_says_where_to_put_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="resnet18_v1-a0666292.params") as info:
        vision.resnet18_v1(pretrained=True, root=str(tmp_path))
    assert str(tmp_path) in str(info.value) and "does not download" in str(info.value)
    bad = tmp_path / "alexnet-44335d1f.params"
    bad.write_bytes(b"not the model")
    with pytest.raises(ValueError, match="Mismatch in the content"):
        model_store.get_model_file("alexnet", root=str(tmp_path))


def test_pretrained_loads_a_file_with_the_right_hash(tmp_path, monkeypatch):
    """The file found under root is loaded with load_parameters (hash table patched)."""
    net = vision.get_model("mobilenet0.25", classes=4)
    net.initialize(mx.init.Constant(0.05))
    x = mx.nd.ones((1, 3, 32, 32))
    ref = net(x)
    path = tmp_path / "file.params"
    net.save_parameters(str(path))
    digest = model_store._sha1_of(str(path))
    monkeypatch.setitem(model_store._SHA1, "mobilenet0.25", digest)
    path.rename(tmp_path / ("mobilenet0.25-%s.params" % digest[:8]))
    again = vision.get_model("mobilenet0.25", classes=4, pretrained=True, root=str(tmp_path))
    np.testing.assert_allclose(again(x).asnumpy(), ref.asnumpy(), rtol=1e-6)


def test_hybridized_matches_eager():
    net = vision.get_model("resnet18_v2", classes=3)
    net.initialize(mx.init.Xavier())
    x = mx.nd.array(np.sin(np.arange(2 * 3 * 16 * 16) * 0.1).reshape(2, 3, 16, 16))
    eager = net(x).asnumpy()
    net.hybridize()
    np.testing.assert_allclose(net(x).asnumpy(), eager, rtol=1e-4, atol=1e-5)
