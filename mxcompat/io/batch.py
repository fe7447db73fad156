"""Data descriptions, batches and the data-iterator protocol (``mx.io``)."""
from __future__ import annotations

from collections import namedtuple

import numpy as np

__all__ = ["DataDesc", "DataBatch", "DataIter"]

mx_real_t = np.float32


class DataDesc(namedtuple("DataDesc", ["name", "shape"])):
    """A named input shape: a ``(name, shape)`` tuple that also carries ``dtype`` and
    ``layout`` (``'NCHW'`` by default; the position of ``N`` is the batch axis)."""

    def __new__(cls, name, shape, dtype=mx_real_t, layout="NCHW"):
        desc = super(cls, DataDesc).__new__(cls, name, shape)
        desc.dtype = dtype
        desc.layout = layout
        return desc

    def __repr__(self) -> str:
        return "DataDesc[%s,%s,%s,%s]" % (self.name, self.shape, self.dtype, self.layout)

    @staticmethod
    def get_batch_axis(layout) -> int:
        """Index of ``'N'`` in ``layout`` (0 when the layout is None, -1 without N)."""
        if layout is None:
            return 0
        return layout.find("N")

    @staticmethod
    def get_list(shapes, types) -> list:
        """DataDescs from ``[(name, shape)]`` and, optionally, ``[(name, dtype)]``."""
        if types is not None:
            type_dict = dict(types)
            return [DataDesc(x[0], x[1], type_dict[x[0]]) for x in shapes]
        return [DataDesc(x[0], x[1]) for x in shapes]


class DataBatch:
    """One batch: lists of data and label arrays, with the padding count and index."""

    def __init__(self, data, label=None, pad=None, index=None, bucket_key=None,
                 provide_data=None, provide_label=None):
        if data is not None:
            assert isinstance(data, (list, tuple)), "Data must be list of NDArrays"
        if label is not None:
            assert isinstance(label, (list, tuple)), "Label must be list of NDArrays"
        self.data = data
        self.label = label
        self.pad = pad
        self.index = index
        self.bucket_key = bucket_key
        self.provide_data = provide_data
        self.provide_label = provide_label

    def __str__(self) -> str:
        data_shapes = [d.shape for d in self.data]
        label_shapes = [lab.shape for lab in self.label] if self.label else None
        return "{}: data shapes: {} label shapes: {}".format(
            self.__class__.__name__, data_shapes, label_shapes)


class DataIter:
    """Base class of data iterators.

    A subclass either overrides ``next()`` or the pieces it is built from:
    ``iter_next()`` (advance; true while there is a batch), ``getdata()``,
    ``getlabel()``, ``getpad()`` and ``getindex()``.
    """

    def __init__(self, batch_size: int = 0):
        self.batch_size = batch_size

    def __iter__(self):
        return self

    def reset(self) -> None:
        """Go back to the first batch."""

    def next(self) -> DataBatch:
        """The next batch; raises StopIteration at the end."""
        if self.iter_next():
            return DataBatch(data=self.getdata(), label=self.getlabel(), pad=self.getpad(),
                             index=self.getindex())
        raise StopIteration

    def __next__(self) -> DataBatch:
        return self.next()

    def iter_next(self):
        """Advance to the next batch; true if there is one."""

    def getdata(self):
        """The data arrays of the current batch."""

    def getlabel(self):
        """The label arrays of the current batch."""

    def getindex(self):
        """The sample indices of the current batch (None by default)."""
        return None

    def getpad(self):
        """How many samples at the end of the current batch are padding."""
