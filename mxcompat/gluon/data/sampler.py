"""Samplers: iterables of dataset indices (or of batches of indices)."""
from __future__ import annotations

import functools
from typing import Callable

import jax
import numpy as np

from ..._backend import rng as _rng

__all__ = ["Sampler", "SequentialSampler", "RandomSampler", "FilterSampler", "BatchSampler"]


class Sampler:
    """Base class: iterating yields indices; ``len`` is how many."""

    def __iter__(self):
        raise NotImplementedError

    def __len__(self):
        raise NotImplementedError


class SequentialSampler(Sampler):
    """The indices ``start, start + 1, ..., start + length - 1`` in order."""

    def __init__(self, length: int, start: int = 0):
        self._length = length
        self._start = start

    def __iter__(self):
        return iter(range(self._start, self._start + self._length))

    def __len__(self):
        return self._length


@functools.partial(jax.jit, static_argnums=(1,))
def _permutation(key_data, n):
    return jax.random.permutation(_rng.as_key(key_data), n)


def random_permutation(n: int) -> np.ndarray:
    """A random ordering of ``range(n)`` drawn from mxcompat's random source (int64)."""
    if n <= 1:
        return np.arange(n, dtype=np.int64)
    key = _rng.next_key(("cpu", 0))
    return np.asarray(_permutation(key, int(n))).astype(np.int64)


class RandomSampler(Sampler):
    """The indices ``0 .. length-1`` in a new random order on every iteration.

    The order comes from mxcompat's random source, so ``mx.random.seed`` reproduces it
    (the numbers differ from MXNet's, which used ``numpy.random``).
    """

    def __init__(self, length: int):
        self._length = length

    def __iter__(self):
        return iter(random_permutation(self._length))

    def __len__(self):
        return self._length


class FilterSampler(Sampler):
    """The indices of the samples of ``dataset`` for which ``fn(sample)`` is true."""

    def __init__(self, fn: Callable, dataset):
        self._fn = fn
        self._dataset = dataset
        self._indices = [i for i in range(len(dataset)) if fn(dataset[i])]

    def __iter__(self):
        return iter(self._indices)

    def __len__(self):
        return len(self._indices)


class BatchSampler(Sampler):
    """Groups the indices of ``sampler`` into lists of ``batch_size``.

    ``last_batch`` says what happens to a final incomplete group: ``'keep'`` yields it,
    ``'discard'`` drops it, ``'rollover'`` puts it in front of the next iteration's first.
    """

    def __init__(self, sampler, batch_size: int, last_batch: str = "keep"):
        self._sampler = sampler
        self._batch_size = batch_size
        self._last_batch = last_batch
        self._prev = []

    def _bad_mode(self) -> ValueError:
        return ValueError("last_batch must be one of 'keep', 'discard', or 'rollover', "
                          "but got %s" % self._last_batch)

    def __iter__(self):
        batch, self._prev = self._prev, []
        for i in self._sampler:
            batch.append(i)
            if len(batch) == self._batch_size:
                yield batch
                batch = []
        if batch:
            mode = self._last_batch
            if mode == "keep":
                yield batch
            elif mode == "rollover":
                self._prev = batch
            elif mode != "discard":
                raise self._bad_mode()

    def __len__(self):
        n, size = len(self._sampler), self._batch_size
        mode = self._last_batch
        if mode == "keep":
            return (n + size - 1) // size
        if mode == "discard":
            return n // size
        if mode == "rollover":
            return (len(self._prev) + n) // size
        raise self._bad_mode()

