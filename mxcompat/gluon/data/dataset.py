"""Datasets: the indexable containers a DataLoader reads samples from."""
from __future__ import annotations

import os
from typing import Any, Callable

from ... import recordio
from ...ndarray.ndarray import NDArray

__all__ = ["Dataset", "SimpleDataset", "ArrayDataset", "RecordFileDataset"]


class Dataset:
    """Base class of every dataset: subclasses define ``__getitem__`` and ``__len__``.

    A numpy array or an NDArray can also serve as a dataset directly.
    """

    def __getitem__(self, idx):
        raise NotImplementedError

    def __len__(self):
        raise NotImplementedError

    def filter(self, fn: Callable) -> "Dataset":
        """A dataset holding only the samples for which ``fn(sample)`` is true."""
        from .sampler import FilterSampler
        return _SampledDataset(self, FilterSampler(fn, self))

    def shard(self, num_shards: int, index: int) -> "Dataset":
        """Part ``index`` of ``num_shards`` contiguous, near-equal parts of this dataset."""
        assert index < num_shards, "Shard index of out bound: %d out of %d" % (index, num_shards)
        assert num_shards > 0, "Number of shards must be greater than 0"
        assert index >= 0, "Index must be non-negative"
        per, extra = divmod(len(self), num_shards)
        begin = per * index + min(index, extra)
        size = per + (1 if index < extra else 0)
        from .sampler import SequentialSampler
        return _SampledDataset(self, SequentialSampler(size, begin))

    def take(self, count: int | None) -> "Dataset":
        """The first ``count`` samples (all of them when ``count`` is None or too large)."""
        n = len(self)
        if count is None or count > n:
            count = n
        from .sampler import SequentialSampler
        return _SampledDataset(self, SequentialSampler(count))

    def sample(self, sampler) -> "Dataset":
        """The samples at the indices ``sampler`` yields."""
        from .sampler import Sampler
        if not isinstance(sampler, Sampler):
            raise TypeError("Invalid sampler type: %s. Expected gluon.data.Sampler instead."
                            % type(sampler))
        return _SampledDataset(self, sampler)

    def transform(self, fn: Callable, lazy: bool = True) -> "Dataset":
        """Each sample passed through ``fn`` (tuple samples are unpacked into arguments).

        ``lazy=False`` applies ``fn`` once to every sample now and keeps the results.
        """
        mapped = _LazyTransformDataset(self, fn)
        if lazy:
            return mapped
        return SimpleDataset([mapped[i] for i in range(len(mapped))])

    def transform_first(self, fn: Callable, lazy: bool = True) -> "Dataset":
        """Like ``transform``, but ``fn`` sees only the first field of each sample."""
        return self.transform(_FirstOnly(fn), lazy)


class SimpleDataset(Dataset):
    """A dataset over any object with ``len()`` and ``[]`` (a list, an array, ...)."""

    def __init__(self, data: Any):
        self._data = data

    def __len__(self):
        return len(self._data)

    def __getitem__(self, idx):
        return self._data[idx]


class _LazyTransformDataset(Dataset):
    """Applies a function to each sample when it is read."""

    def __init__(self, data, fn):
        self._data = data
        self._fn = fn

    def __len__(self):
        return len(self._data)

    def __getitem__(self, idx):
        item = self._data[idx]
        return self._fn(*item) if isinstance(item, tuple) else self._fn(item)


class _FirstOnly:
    """A picklable wrapper applying ``fn`` to the first of several arguments."""

    def __init__(self, fn):
        self._fn = fn

    def __call__(self, first, *rest):
        if rest:
            return (self._fn(first),) + rest
        return self._fn(first)


class _SampledDataset(Dataset):
    """The samples of a dataset at the indices a sampler gives (fixed at creation)."""

    def __init__(self, dataset, sampler):
        self._dataset = dataset
        self._sampler = sampler
        self._indices = list(iter(sampler))

    def __len__(self):
        return len(self._sampler)

    def __getitem__(self, idx):
        return self._dataset[self._indices[idx]]


class ArrayDataset(Dataset):
    """Several equally long array-likes zipped: sample i is ``(a[i], b[i], ...)``.

    With a single array the sample is ``a[i]`` itself. A one-dimensional NDArray is
    stored as a numpy array (so its samples are numpy scalars), as MXNet does.
    """

    def __init__(self, *args):
        assert len(args) > 0, "Needs at least 1 arrays"
        self._length = len(args[0])
        self._data = []
        for i, arr in enumerate(args):
            assert len(arr) == self._length, (
                "All arrays must have the same length; array[0] has length %d "
                "while array[%d] has %d." % (self._length, i + 1, len(arr)))
            if isinstance(arr, NDArray) and arr.ndim == 1:
                arr = arr.asnumpy()
            self._data.append(arr)

    def __getitem__(self, idx):
        if len(self._data) == 1:
            return self._data[0][idx]
        return tuple(arr[idx] for arr in self._data)

    def __len__(self):
        return self._length


class RecordFileDataset(Dataset):
    """The records of a RecordIO file (``.rec`` with its ``.idx`` index) as raw bytes."""

    def __init__(self, filename: str):
        self.idx_file = os.path.splitext(filename)[0] + ".idx"
        self.filename = filename
        self._record = recordio.MXIndexedRecordIO(self.idx_file, self.filename, "r")

    def __getitem__(self, idx):
        return self._record.read_idx(self._record.keys[idx])

    def __len__(self):
        return len(self._record.keys)


class _DownloadedDataset(Dataset):
    """Base of the standard datasets (MNIST, CIFAR): arrays read once from ``root``."""

    def __init__(self, root: str, transform: Callable | None):
        super().__init__()
        self._transform = transform
        self._data = None
        self._label = None
        self._root = os.path.expanduser(root)
        if not os.path.isdir(self._root):
            os.makedirs(self._root)
        self._get_data()

    def __getitem__(self, idx):
        if self._transform is not None:
            return self._transform(self._data[idx], self._label[idx])
        return self._data[idx], self._label[idx]

    def __len__(self):
        return len(self._label)

    def _get_data(self):
        raise NotImplementedError
