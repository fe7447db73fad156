"""``mx.profiler``: MXNet's profiler API over Python-side timings.

Nothing here ever fails a legacy script. ``set_state('run')`` starts recording; the
objects (``Task``, ``Frame``, ``Event``, ``Counter``, ``Marker``) and ``scope`` record
their timings/values, and ``dumps()`` returns them as a table in MXNet's layout. Operator
level timings are not collected (JAX runs fused compiled programs); use ``jax.profiler``
for device traces. ``dump()`` writes the recorded events as a Chrome trace JSON file to
the configured ``filename`` (default ``profile.json``).
"""
from __future__ import annotations

import contextlib
import json
import threading
import time

__all__ = ["set_config", "set_state", "dump", "dumps", "pause", "resume", "Domain", "Task",
           "Frame", "Event", "Counter", "Marker", "scope", "profiler_set_config",
           "profiler_set_state", "dump_profile"]

_lock = threading.Lock()
_config = {"filename": "profile.json", "aggregate_stats": False}
_state = {"running": False, "paused": False}
_stats: dict = {}      # (domain, name) -> [count, total, min, max] (milliseconds)
_trace: list = []      # Chrome trace events
_HEADER = "\nProfile Statistics:\n\tNote the difference in units for different entries.\n"


def set_config(**kwargs) -> None:
    """Store profiler settings (``filename``, ``aggregate_stats``, ``profile_*``...)."""
    _config.update(kwargs)


def set_state(state: str = "stop", profile_process: str = "worker") -> None:
    """'run' starts recording, 'stop' stops it."""
    if state not in ("run", "stop"):
        raise ValueError(f"invalid state {state!r}; use 'run' or 'stop'")
    _state["running"] = state == "run"


def pause(profile_process: str = "worker") -> None:
    _state["paused"] = True


def resume(profile_process: str = "worker") -> None:
    _state["paused"] = False


def _active() -> bool:
    return _state["running"] and not _state["paused"]


def _record(domain: str, name: str, start: float, end: float) -> None:
    if not _active():
        return
    ms = (end - start) * 1e3
    with _lock:
        s = _stats.setdefault((domain, name), [0, 0.0, ms, ms])
        s[0] += 1
        s[1] += ms
        s[2], s[3] = min(s[2], ms), max(s[3], ms)
        _trace.append({"name": name, "cat": domain, "ph": "X", "ts": start * 1e6,
                       "dur": (end - start) * 1e6, "pid": 0, "tid": 0})


def dumps(reset: bool = False) -> str:
    """The aggregate statistics as MXNet's text table."""
    lines = [_HEADER]
    domains: dict = {}
    with _lock:
        for (dom, name), s in _stats.items():
            domains.setdefault(dom, []).append((name, s))
        if reset:
            _stats.clear()
    for dom, rows in domains.items():
        lines.append(f"{dom}\n=================\n")
        lines.append(f"{'Name':<30}{'Total Count':>11}{'Time (ms)':>17}"
                     f"{'Min Time (ms)':>17}{'Max Time (ms)':>17}{'Avg Time (ms)':>17}\n")
        lines.append(f"{'----':<30}{'-----------':>11}{'---------':>17}"
                     f"{'-------------':>17}{'-------------':>17}{'-------------':>17}\n")
        for name, (n, tot, lo, hi) in rows:
            lines.append(f"{name:<30}{n:>11}{tot:>17.4f}{lo:>17.4f}{hi:>17.4f}"
                         f"{tot / n:>17.4f}\n")
        lines.append("\n")
    return "".join(lines)


def dump(finished: bool = True, profile_process: str = "worker") -> None:
    """Write the recorded events as a Chrome trace to the configured filename."""
    with _lock:
        events = list(_trace)
        if finished:
            _trace.clear()
    try:
        with open(_config.get("filename", "profile.json"), "w") as f:
            json.dump({"traceEvents": events, "displayTimeUnit": "ms"}, f)
    except OSError:
        pass


# legacy names
profiler_set_config = set_config
profiler_set_state = set_state
dump_profile = dump


class Domain:
    """A named group of profiling objects."""

    def __init__(self, name: str):
        self.name = name

    def __str__(self):
        return self.name

    def new_task(self, name):
        return Task(self, name)

    def new_frame(self, name):
        return Frame(self, name)

    def new_counter(self, name, value=None):
        return Counter(self, name, value)

    def new_marker(self, name):
        return Marker(self, name)


class _Timed:
    def __init__(self, domain: Domain, name: str):
        self.domain, self.name, self._t0 = domain, name, None

    def start(self) -> None:
        self._t0 = time.perf_counter()

    def stop(self) -> None:
        if self._t0 is not None:
            _record(str(self.domain), self.name, self._t0, time.perf_counter())
            self._t0 = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def __str__(self):
        return self.name


class Task(_Timed):
    """A timed span inside a domain."""


class Frame(_Timed):
    """A timed frame (e.g. one iteration) inside a domain."""


class Event(_Timed):
    """A timed event; its domain is 'Custom Events'."""

    def __init__(self, name: str):
        super().__init__(Domain("Custom Events"), name)


class Counter:
    """A named integer value (``set_value``, ``increment``, ``decrement``, +=, -=)."""

    def __init__(self, domain: Domain, name: str, value=None):
        self.domain, self.name, self.value = domain, name, value or 0

    def set_value(self, value) -> None:
        self.value = value

    def increment(self, delta=1) -> None:
        self.value += delta

    def decrement(self, delta=1) -> None:
        self.value -= delta

    def __iadd__(self, delta):
        self.increment(delta)
        return self

    def __isub__(self, delta):
        self.decrement(delta)
        return self

    def __str__(self):
        return self.name


class Marker:
    """An instant marker."""

    def __init__(self, domain: Domain, name: str):
        self.domain, self.name = domain, name

    def mark(self, scope: str = "process") -> None:
        if _active():
            with _lock:
                _trace.append({"name": self.name, "cat": str(self.domain), "ph": "i",
                               "s": scope[0], "ts": time.perf_counter() * 1e6, "pid": 0,
                               "tid": 0})


@contextlib.contextmanager
def scope(name: str = "<unk>:", append_mode: bool = False):
    """A profiler scope name (kept; operators are not timed individually)."""
    yield
