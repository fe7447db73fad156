"""DataLoader: batches of samples from a dataset, in this process or in workers.

Workers
-------
``num_workers > 0`` prepares batches in a pool of workers:

* ``thread_pool=True``: a ``multiprocessing.pool.ThreadPool`` sharing the dataset.
* otherwise: a process pool started with the ``'spawn'`` method (JAX, which the parent
  runs, must not be forked). Each worker receives the dataset once (pickled), runs the
  batchify function and sends the batch back as numpy arrays; the parent turns them into
  NDArrays. Workers run JAX on the CPU only. As with any spawn-based pool, a script that
  uses process workers must keep its top-level code under ``if __name__ == '__main__':``,
  and the dataset, its transforms and a custom batchify function must be picklable
  (defined at module level).
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import pickle
import threading
from typing import Any, Callable

import numpy as np

from ... import ndarray as nd
from ...context import Context, cpu_pinned
from ...ndarray.ndarray import NDArray
from . import sampler as _sampler

__all__ = ["DataLoader", "default_batchify_fn", "default_mp_batchify_fn"]


# --------------------------------------------------------------------------- batchify
def default_batchify_fn(data: list):
    """Stack a list of samples into a batch.

    NDArray samples are stacked (``nd.stack``); tuple samples are batched field by field
    into a list; anything else goes through ``numpy.asarray`` and keeps numpy's dtype
    (python ints give int64, floats float64).
    """
    first = data[0]
    if isinstance(first, NDArray):
        return nd.stack(*data)
    if isinstance(first, tuple):
        return [default_batchify_fn(list(field)) for field in zip(*data)]
    arr = np.asarray(data)
    return nd.array(arr, dtype=arr.dtype)


_SHARED = Context("cpu_shared", 0)


def default_mp_batchify_fn(data: list):
    """``default_batchify_fn`` for worker pools: the batch lives on ``cpu_shared(0)``."""
    first = data[0]
    if isinstance(first, NDArray):
        out = nd.empty((len(data),) + first.shape, dtype=first.dtype, ctx=_SHARED)
        return nd.stack(*data, out=out)
    if isinstance(first, tuple):
        return [default_mp_batchify_fn(list(field)) for field in zip(*data)]
    arr = np.asarray(data)
    return nd.array(arr, dtype=arr.dtype, ctx=_SHARED)


def _numpy_mp_batchify(data: list):
    """What ``default_mp_batchify_fn`` computes, as host arrays (process workers)."""
    first = data[0]
    if isinstance(first, NDArray):
        return _Host(np.stack([d.asnumpy() for d in data]), ("cpu_shared", 0))
    if isinstance(first, tuple):
        return [_numpy_mp_batchify(list(field)) for field in zip(*data)]
    return _Host(np.asarray(data), ("cpu_shared", 0))


def _as_in_context(data, ctx: Context):
    """Move the NDArrays of a (nested list/tuple) batch to ``ctx``."""
    if isinstance(data, NDArray):
        return data.as_in_context(ctx)
    if isinstance(data, (list, tuple)):
        return [_as_in_context(d, ctx) for d in data]
    return data


# --------------------------------------------------------------------------- host transfer
class _Host:
    """An NDArray's value in transit from a process worker: numpy data plus context."""

    __slots__ = ("array", "ctx")

    def __init__(self, array: np.ndarray, ctx: tuple):
        self.array = array
        self.ctx = ctx

    def __getstate__(self):
        return (self.array, self.ctx)

    def __setstate__(self, state):
        self.array, self.ctx = state


def _to_host(obj):
    if isinstance(obj, NDArray):
        return _Host(obj.asnumpy(), (obj.context.device_type, obj.context.device_id))
    if isinstance(obj, list):
        return [_to_host(o) for o in obj]
    if isinstance(obj, tuple):
        return tuple(_to_host(o) for o in obj)
    return obj


def _from_host(obj):
    if isinstance(obj, _Host):
        return nd.array(obj.array, ctx=Context(*obj.ctx), dtype=obj.array.dtype)
    if isinstance(obj, list):
        return [_from_host(o) for o in obj]
    if isinstance(obj, tuple):
        return tuple(_from_host(o) for o in obj)
    return obj


# --------------------------------------------------------------------------- workers
_worker_dataset = None


def _process_worker_init(dataset_bytes: bytes) -> None:
    global _worker_dataset
    _worker_dataset = pickle.loads(dataset_bytes)


def _process_worker_fn(indices: list, batchify_fn: Callable | None):
    samples = [_worker_dataset[i] for i in indices]
    if batchify_fn is None:  # the default: stack on the host, no device work
        return _numpy_mp_batchify(samples)
    return _to_host(batchify_fn(samples))


def _thread_worker_fn(indices: list, batchify_fn: Callable, dataset):
    return batchify_fn([dataset[i] for i in indices])


_spawn_lock = threading.Lock()


def _process_pool(num_workers: int, dataset) -> multiprocessing.pool.Pool:
    """A spawn-started pool whose workers hold ``dataset`` and see only the CPU."""
    payload = pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL)
    ctx = multiprocessing.get_context("spawn")
    # the children inherit the environment at start: they see only the CPU, and they
    # initialise no parameters, so they skip the initializers' kernel warm-up
    child_env = {"JAX_PLATFORMS": "cpu", "MXCOMPAT_WARMUP": "0"}
    with _spawn_lock:
        saved = {k: os.environ.get(k) for k in child_env}
        os.environ.update(child_env)
        try:
            return ctx.Pool(num_workers, initializer=_process_worker_init,
                            initargs=(payload,))
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


class _MultiWorkerIter:
    """Iterates the batches of a batch sampler, computed by a worker pool, in order."""

    def __init__(self, pool, batchify_fn, batch_sampler, pin_memory=False, pin_device_id=0,
                 prefetch=0, dataset=None, timeout=120):
        self._pool = pool
        self._batchify_fn = batchify_fn
        self._batch_sampler = batch_sampler
        self._pending = {}
        self._rcvd_idx = 0
        self._sent_idx = 0
        self._iter = iter(batch_sampler)
        self._pin_memory = pin_memory
        self._pin_device_id = pin_device_id
        self._dataset = dataset   # set for a thread pool only
        self._timeout = timeout
        for _ in range(prefetch):
            self._push_next()

    def __len__(self):
        return len(self._batch_sampler)

    def _push_next(self) -> None:
        indices = next(self._iter, None)
        if indices is None:
            return
        if self._dataset is not None:
            res = self._pool.apply_async(_thread_worker_fn,
                                         (indices, self._batchify_fn, self._dataset))
        else:
            fn = None if self._batchify_fn is default_mp_batchify_fn else self._batchify_fn
            res = self._pool.apply_async(_process_worker_fn, (indices, fn))
        self._pending[self._sent_idx] = res
        self._sent_idx += 1

    def __next__(self):
        self._push_next()
        if self._rcvd_idx == self._sent_idx:
            assert not self._pending, "Data buffer should be empty at this moment"
            raise StopIteration
        res = self._pending.pop(self._rcvd_idx)
        try:
            batch = res.get(self._timeout)
        except multiprocessing.TimeoutError:
            msg = ("Worker timed out after {} seconds. This might be caused by \n\n"
                   "            - Slow transform. Please increase timeout to allow slower "
                   "data loading in each worker.\n            ").format(self._timeout)
            if not isinstance(self._pool, multiprocessing.pool.ThreadPool):
                msg += ("- Insufficient shared_memory if `timeout` is large enough.\n"
                        "            Please consider reduce `num_workers` or increase "
                        "shared_memory in system.\n            ")
            print(msg)
            raise
        except Exception:
            self._pool.terminate()
            raise
        if self._dataset is None:
            batch = _from_host(batch)
        if self._pin_memory:
            batch = _as_in_context(batch, cpu_pinned(self._pin_device_id))
        self._rcvd_idx += 1
        return batch

    next = __next__

    def __iter__(self):
        return self


# --------------------------------------------------------------------------- DataLoader
class DataLoader:
    """Loads mini-batches from a dataset.

    Parameters follow MXNet: ``batch_size``, ``shuffle`` (a RandomSampler drawing from
    mxcompat's random source), ``sampler``, ``last_batch`` ('keep', 'discard',
    'rollover'), ``batch_sampler`` (excludes the previous four), ``batchify_fn``,
    ``num_workers``, ``pin_memory``/``pin_device_id`` (batches on ``cpu_pinned``),
    ``prefetch`` (batches requested ahead, default ``2 * num_workers``), ``thread_pool``,
    ``timeout`` (seconds to wait for a worker's batch) and ``auto_reload``.
    """

    def __init__(self, dataset, batch_size: int | None = None, shuffle: bool = False,
                 sampler=None, last_batch: str | None = None, batch_sampler=None,
                 batchify_fn: Callable | None = None, num_workers: int = 0,
                 pin_memory: bool = False, pin_device_id: int = 0, prefetch: int | None = None,
                 thread_pool: bool = False, timeout: int = 120, auto_reload: bool = False):
        self._dataset = dataset
        self._pin_memory = pin_memory
        self._pin_device_id = pin_device_id
        self._thread_pool = thread_pool
        self._timeout = timeout
        self._worker_pool = None
        assert timeout > 0, "timeout must be positive, given {}".format(timeout)

        if batch_sampler is None:
            if batch_size is None:
                raise ValueError("batch_size must be specified unless "
                                 "batch_sampler is specified")
            if sampler is None:
                sampler = (_sampler.RandomSampler(len(dataset)) if shuffle
                           else _sampler.SequentialSampler(len(dataset)))
            elif shuffle:
                raise ValueError("shuffle must not be specified if sampler is specified")
            batch_sampler = _sampler.BatchSampler(sampler, batch_size,
                                                  last_batch if last_batch else "keep")
        elif batch_size is not None or shuffle or sampler is not None or \
                last_batch is not None:
            raise ValueError("batch_size, shuffle, sampler and last_batch must "
                             "not be specified if batch_sampler is specified.")

        self._batch_sampler = batch_sampler
        self._num_workers = num_workers if num_workers >= 0 else 0
        self._prefetch = max(0, int(prefetch) if prefetch is not None
                             else 2 * self._num_workers)
        if self._num_workers > 0:
            if thread_pool:
                self._worker_pool = multiprocessing.pool.ThreadPool(self._num_workers)
            else:
                self._worker_pool = _process_pool(self._num_workers, dataset)
        if batchify_fn is None:
            batchify_fn = default_mp_batchify_fn if num_workers > 0 else default_batchify_fn
        self._batchify_fn = batchify_fn
        self.auto_reload = auto_reload
        self._iter = None
        if auto_reload:
            self.refresh()

    def __iter__(self):
        if self._iter is None:
            self.refresh()
        it, self._iter = self._iter, None  # an iterator is consumed once
        for batch in it:
            yield batch
        if self._iter is None and self.auto_reload:
            self.refresh()

    def _same_process_iter(self):
        for indices in self._batch_sampler:
            batch = self._batchify_fn([self._dataset[i] for i in indices])
            if self._pin_memory:
                batch = _as_in_context(batch, cpu_pinned(self._pin_device_id))
            yield batch

    def _prefetch_iter(self):
        if self._num_workers == 0:
            return self._same_process_iter()
        return _MultiWorkerIter(self._worker_pool, self._batchify_fn, self._batch_sampler,
                                pin_memory=self._pin_memory, pin_device_id=self._pin_device_id,
                                prefetch=self._prefetch,
                                dataset=self._dataset if self._thread_pool else None,
                                timeout=self._timeout)

    def refresh(self) -> None:
        """Start a new pass (requesting the first batches from the workers now)."""
        self._iter = self._prefetch_iter()

    def clean(self) -> None:
        """Drop the prepared pass; the next ``iter()`` starts a fresh one."""
        self._iter = None

    def __len__(self):
        return len(self._batch_sampler)

    def __del__(self):
        pool = getattr(self, "_worker_pool", None)
        if pool is not None:
            pool.terminate()
