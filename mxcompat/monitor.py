"""``mx.monitor.Monitor``: statistics of an executor's arrays every ``interval`` batches.

The executor runs as one compiled program, so intermediate operator outputs are not
observed: at ``toc`` the statistic is computed over the executor's outputs, arguments and
auxiliary states (names matching ``pattern``).
"""
from __future__ import annotations

import logging
import re

from .ndarray.ndarray import NDArray

__all__ = ["Monitor"]


def _default_stat(x: NDArray) -> NDArray:
    """MXNet's default: norm(x) / sqrt(size)."""
    from . import ndarray as nd
    return nd.norm(x) / (x.size ** 0.5)


class Monitor:
    """Collects ``stat_func`` of matching arrays on every ``interval``-th batch."""

    def __init__(self, interval: int, stat_func=None, pattern: str = ".*",
                 sort: bool = False, monitor_all: bool = False):
        self.interval = interval
        self.stat_func = stat_func or _default_stat
        self.re_prog = re.compile(pattern)
        self.sort = sort
        self.monitor_all = monitor_all
        self.exes: list = []
        self.step = 0
        self.activated = False
        self.queue: list = []

    def install(self, exe) -> None:
        """Watch executor ``exe``."""
        exe.set_monitor_callback(None, self.monitor_all)
        self.exes.append(exe)

    def tic(self) -> None:
        """Start a batch; activates collection every ``interval`` batches."""
        if self.step % self.interval == 0:
            self.queue = []
            self.activated = True
        self.step += 1

    def toc(self) -> list:
        """End the batch; returns [(step, name, stat string)]."""
        if not self.activated:
            return []
        for exe in self.exes:
            named = list(zip(exe._output_names, exe.outputs))
            named += list(zip(exe._arg_names, exe.arg_arrays))
            named += list(zip(exe._aux_names, exe.aux_arrays))
            for name, arr in named:
                if arr is not None and self.re_prog.match(name):
                    self.queue.append((self.step, name, self.stat_func(arr)))
        self.activated = False
        res = []
        queue = sorted(self.queue, key=lambda q: q[1]) if self.sort else self.queue
        for n, k, v in queue:
            vals = v if isinstance(v, list) else [v]
            s = "".join(str(x.asnumpy()) + "\t" for x in vals)
            res.append((n, k, s))
        self.queue = []
        return res

    def toc_print(self) -> None:
        """End the batch and log the statistics."""
        for n, k, v in self.toc():
            logging.info("Batch: %7d %30s %s", n, k, v)
