"""``mx.io.io``: every iterator class in one namespace, as in MXNet."""
from __future__ import annotations

from .batch import DataBatch, DataDesc, DataIter  # noqa: F401
from .wrappers import PrefetchingIter, ResizeIter  # noqa: F401
from .ndarray_iter import NDArrayIter  # noqa: F401
from .native import (CSVIter, ImageDetRecordIter, ImageRecordInt8Iter,  # noqa: F401
                     ImageRecordIter, ImageRecordIter_v1, ImageRecordUInt8Iter,
                     ImageRecordUInt8Iter_v1, LibSVMIter, MXDataIter)
from .mnist_iter import MNISTIter  # noqa: F401
from .utils import _getdata_by_idx, _has_instance, _init_data  # noqa: F401
