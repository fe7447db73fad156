"""``mx.io``: data descriptions, batches and data iterators (MXNet 1.x API)."""
from __future__ import annotations

from . import io, utils  # noqa: F401
from .io import (CSVIter, DataBatch, DataDesc, DataIter, ImageDetRecordIter,  # noqa: F401
                 ImageRecordInt8Iter, ImageRecordIter, ImageRecordIter_v1,
                 ImageRecordUInt8Iter, ImageRecordUInt8Iter_v1, LibSVMIter, MNISTIter,
                 MXDataIter, NDArrayIter, PrefetchingIter, ResizeIter)
from .utils import _getdata_by_idx, _has_instance, _init_data  # noqa: F401

__all__ = ["CSVIter", "DataBatch", "DataDesc", "DataIter", "ImageDetRecordIter",
           "ImageRecordInt8Iter", "ImageRecordIter", "ImageRecordIter_v1",
           "ImageRecordUInt8Iter", "ImageRecordUInt8Iter_v1", "LibSVMIter", "MNISTIter",
           "MXDataIter", "NDArrayIter", "PrefetchingIter", "ResizeIter"]
