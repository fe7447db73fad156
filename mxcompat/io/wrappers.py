"""Iterators built on other iterators: ResizeIter and PrefetchingIter."""
from __future__ import annotations

import threading
import weakref

from .batch import DataBatch, DataDesc, DataIter

__all__ = ["ResizeIter", "PrefetchingIter"]


class ResizeIter(DataIter):
    """Give exactly ``size`` batches per epoch from ``data_iter``, restarting it when it
    runs out (and, with ``reset_internal``, resetting it at every ``reset``)."""

    def __init__(self, data_iter: DataIter, size: int, reset_internal: bool = True):
        super().__init__()
        self.data_iter = data_iter
        self.size = size
        self.reset_internal = reset_internal
        self.cur = 0
        self.current_batch = None
        self.provide_data = data_iter.provide_data
        self.provide_label = data_iter.provide_label
        self.batch_size = data_iter.batch_size
        if hasattr(data_iter, "default_bucket_key"):
            self.default_bucket_key = data_iter.default_bucket_key

    def reset(self) -> None:
        self.cur = 0
        if self.reset_internal:
            self.data_iter.reset()

    def iter_next(self) -> bool:
        if self.cur == self.size:
            return False
        try:
            self.current_batch = self.data_iter.next()
        except StopIteration:
            self.data_iter.reset()
            self.current_batch = self.data_iter.next()
        self.cur += 1
        return True

    def getdata(self):
        return self.current_batch.data

    def getlabel(self):
        return self.current_batch.label

    def getindex(self):
        return self.current_batch.index

    def getpad(self):
        return self.current_batch.pad


def _renamed(descs, mapping) -> list:
    return [DataDesc(mapping[d.name], d.shape, d.dtype) if isinstance(d, DataDesc)
            else DataDesc(*d) for d in descs]


class _Failure:
    """An exception raised by an iterator inside a prefetch thread."""

    def __init__(self, exc: BaseException):
        self.exc = exc


def _prefetch(ref, i: int, taken: threading.Event) -> None:
    """Worker of PrefetchingIter: fetch the next batch of iterator ``i`` whenever the
    previous one was taken. It holds the owner weakly, so the owner can be collected
    (which stops the worker)."""
    while True:
        taken.wait()
        owner = ref()
        if owner is None or not owner.started:
            return
        try:
            owner.next_batch[i] = owner.iters[i].next()
        except StopIteration:
            owner.next_batch[i] = None
        except BaseException as exc:  # handed to the consumer (MXNet's thread would die)
            owner.next_batch[i] = _Failure(exc)
        taken.clear()
        owner.data_ready[i].set()
        del owner


class PrefetchingIter(DataIter):
    """Read batches of one or more iterators ahead in background threads; a batch joins
    the data (and labels) of all of them. ``rename_data``/``rename_label`` are lists (one
    per iterator) of ``{old_name: new_name}`` dicts."""

    def __init__(self, iters, rename_data=None, rename_label=None):
        super().__init__()
        if not isinstance(iters, list):
            iters = [iters]
        self.n_iter = len(iters)
        assert self.n_iter > 0
        self.iters = iters
        self.rename_data = rename_data
        self.rename_label = rename_label
        self.batch_size = self.provide_data[0][1][0]
        self.data_ready = [threading.Event() for _ in range(self.n_iter)]
        self.data_taken = [threading.Event() for _ in range(self.n_iter)]
        for event in self.data_taken:
            event.set()
        self.started = True
        self.current_batch = [None for _ in range(self.n_iter)]
        self.next_batch = [None for _ in range(self.n_iter)]
        ref = weakref.ref(self)
        self.prefetch_threads = [
            threading.Thread(target=_prefetch, args=(ref, i, self.data_taken[i]), daemon=True)
            for i in range(self.n_iter)]
        for thread in self.prefetch_threads:
            thread.start()

    def __del__(self):
        self.started = False
        for event in getattr(self, "data_taken", ()):
            event.set()
        for thread in getattr(self, "prefetch_threads", ()):
            if thread is not threading.current_thread() and thread.is_alive():
                thread.join()

    @property
    def provide_data(self) -> list:
        if self.rename_data is None:
            return sum([i.provide_data for i in self.iters], [])
        return sum([_renamed(i.provide_data, r) for r, i in zip(self.rename_data, self.iters)],
                   [])

    @property
    def provide_label(self) -> list:
        if self.rename_label is None:
            return sum([i.provide_label for i in self.iters], [])
        return sum([_renamed(i.provide_label, r)
                    for r, i in zip(self.rename_label, self.iters)], [])

    def reset(self) -> None:
        for event in self.data_ready:
            event.wait()
        for it in self.iters:
            it.reset()
        for event in self.data_ready:
            event.clear()
        for event in self.data_taken:
            event.set()

    def iter_next(self) -> bool:
        for event in self.data_ready:
            event.wait()
        for k, batch in enumerate(self.next_batch):
            if isinstance(batch, _Failure):
                self.next_batch[k] = None
                self.data_ready[k].clear()
                self.data_taken[k].set()
                raise batch.exc
        if self.next_batch[0] is None:
            for batch in self.next_batch:
                assert batch is None, "Number of entry mismatches between iterators"
            return False
        for batch in self.next_batch:
            assert batch.pad == self.next_batch[0].pad, \
                "Number of entry mismatches between iterators"
        self.current_batch = DataBatch(sum([b.data for b in self.next_batch], []),
                                       sum([b.label for b in self.next_batch], []),
                                       self.next_batch[0].pad, self.next_batch[0].index,
                                       provide_data=self.provide_data,
                                       provide_label=self.provide_label)
        for event in self.data_ready:
            event.clear()
        for event in self.data_taken:
            event.set()
        return True

    def next(self) -> DataBatch:
        if self.iter_next():
            return self.current_batch
        raise StopIteration

    def getdata(self):
        return self.current_batch.data

    def getlabel(self):
        return self.current_batch.label

    def getindex(self):
        return self.current_batch.index

    def getpad(self):
        return self.current_batch.pad
