"""An emulator of MXNet 1.9's CPU random generator, for the opt-in MXNet-exact stream.

What it reproduces (MXNet's CPU "parallel random" resource):

* 1024 Mersenne-Twister (mt19937) engines. ``seed(s)`` seeds engine ``k`` with
  ``(s * 127 + k) mod 2**32`` where ``s`` is the seed as a C ``int``; an unseeded process
  behaves as ``seed(0)``.
* A sampling operator with ``N`` output elements splits them into contiguous chunks of
  ``step = ceil(N / min(ceil(N / 64), 1024))`` elements; chunk ``j`` is drawn, in order, from
  engine ``j``. Engines keep their position between calls.
* uniform: float32 takes one 32-bit word per sample (``float32(w) / 2**32``, in float32);
  float64 and float16 take two (``(w1 + w2 * 2**32) / 2**64`` in double), as libstdc++'s
  ``generate_canonical`` does. The result is ``(high - low) * c + low`` with ``low`` and
  ``high`` rounded to float32 first (MXNet stores them as C floats).
* normal: libstdc++'s Marsaglia polar method with a fresh distribution object per sample
  (the second value of each accepted pair is discarded), so the number of words a sample
  uses varies. float32 samples reproduce MXNet within an ulp or two (``logf`` rounding);
  float64/float16 use double arithmetic.
* randint: two words per sample combined as ``(w1 << 31) + w2`` (unsigned 64-bit), then
  ``low + v % (high - low)``, for int32 and int64 alike.

numpy's legacy ``RandomState(seed)`` runs the same mt19937 with the same seeding, so each
engine is a lazily created RandomState; raw words are ``randint(0, 2**32, dtype=uint32)``.
Words an engine drew but did not use (the rejection loop of ``normal`` reads ahead) are
kept in a per-engine buffer and consumed first by the next call, so the stream position is
always exactly MXNet's.

Everything here runs on the host with numpy; callers put the result on a device. This
module holds no global state: ``rng.py`` owns the generators (one per MXNet resource).
"""
from __future__ import annotations

import numpy as np

__all__ = ["MXNetCPUGenerator", "NUM_ENGINES", "chunking"]

NUM_ENGINES = 1024
_MIN_PER_THREAD = 64
_TWO32 = 4294967296.0
_F32_BELOW_ONE = np.nextafter(np.float32(1), np.float32(0))
_F64_BELOW_ONE = np.nextafter(1.0, 0.0)


def c_int(value: int) -> int:
    """``value`` as MXNet passes it to C (``ctypes.c_int``): wrapped to 32-bit signed."""
    v = int(value) & 0xFFFFFFFF
    return v - (1 << 32) if v >= (1 << 31) else v


def chunking(n: int) -> tuple[int, int]:
    """(number of engines used, elements per engine) for an operator with ``n`` outputs."""
    if n <= 0:
        return 0, 0
    nloop = -(-n // _MIN_PER_THREAD)
    nthread = min(nloop, NUM_ENGINES)
    step = -(-n // nthread)
    return nthread, step


class _Engine:
    """One mt19937 engine: a RandomState plus the words it read ahead but did not use."""

    __slots__ = ("rs", "ahead")

    def __init__(self, seed: int):
        self.rs = np.random.RandomState(seed & 0xFFFFFFFF)
        self.ahead = None

    def words(self, n: int) -> np.ndarray:
        """The next ``n`` raw 32-bit words (uint32)."""
        ahead = self.ahead
        if ahead is None:
            return self.rs.randint(0, 1 << 32, size=n, dtype=np.uint32)
        if n <= ahead.size:
            out, rest = ahead[:n], ahead[n:]
            self.ahead = rest if rest.size else None
            return out
        self.ahead = None
        fresh = self.rs.randint(0, 1 << 32, size=n - ahead.size, dtype=np.uint32)
        return np.concatenate([ahead, fresh])

    def unread(self, words: np.ndarray) -> None:
        """Give back words at the front of the stream (they come next)."""
        if words.size:
            self.ahead = words if self.ahead is None else np.concatenate([words, self.ahead])


def _canonical32(w: np.ndarray) -> np.ndarray:
    c = w.astype(np.float32) / np.float32(_TWO32)
    return np.minimum(c, _F32_BELOW_ONE)


def _canonical64(w_first: np.ndarray, w_second: np.ndarray) -> np.ndarray:
    s = w_first.astype(np.float64) + w_second.astype(np.float64) * _TWO32
    c = s / (_TWO32 * _TWO32)
    return np.minimum(c, _F64_BELOW_ONE)


def _to_half(x64: np.ndarray) -> np.ndarray:
    # mshadow's half_t goes through float first.
    return x64.astype(np.float32).astype(np.float16)


class MXNetCPUGenerator:
    """The 1024 engines of one MXNet CPU random resource."""

    def __init__(self, seed: int = 0):
        self.seed(seed)

    def seed(self, seed: int) -> None:
        self._base = (c_int(seed) * 127) & 0xFFFFFFFF
        self._engines: dict[int, _Engine] = {}

    def _engine(self, k: int) -> _Engine:
        e = self._engines.get(k)
        if e is None:
            e = self._engines[k] = _Engine((self._base + k) & 0xFFFFFFFF)
        return e

    # ------------------------------------------------------------------ fixed draws
    def _fixed_words(self, n: int, per: int) -> np.ndarray:
        """(n, per) uint32: ``per`` words for each of ``n`` elements, chunked over engines."""
        out = np.empty((n, per), dtype=np.uint32)
        nthread, step = chunking(n)
        for k in range(nthread):
            start = k * step
            if start >= n:
                break
            end = min(start + step, n)
            out[start:end] = self._engine(k).words((end - start) * per).reshape(-1, per)
        return out

    def uniform(self, low: float, high: float, n: int, dtype) -> np.ndarray:
        dtype = np.dtype(dtype)
        lo, hi = np.float32(low), np.float32(high)
        if dtype == np.float32:
            c = _canonical32(self._fixed_words(n, 1)[:, 0])
            return (hi - lo) * c + lo
        w = self._fixed_words(n, 2)
        c = _canonical64(w[:, 0], w[:, 1])
        r = (np.float64(hi) - np.float64(lo)) * c + np.float64(lo)
        if dtype == np.float64:
            return r
        if dtype == np.float16:
            return _to_half(r)
        raise TypeError(f"MXNet-exact uniform: unsupported dtype {dtype}")

    def randint(self, low: int, high: int, n: int, dtype) -> np.ndarray:
        w = self._fixed_words(n, 2).astype(np.uint64)
        v = (w[:, 0] << np.uint64(31)) + w[:, 1]
        r = v % np.uint64((int(high) - int(low)) & 0xFFFFFFFFFFFFFFFF)
        out = r.astype(np.int64) + np.int64(low)
        return out.astype(np.dtype(dtype))

    # ------------------------------------------------------------------ normal
    def _polar(self, eng: _Engine, m: int, wide: bool) -> np.ndarray:
        """``m`` standard normals from one engine (float32, or float64 when ``wide``)."""
        per = 4 if wide else 2          # words per (x, y) attempt
        parts, need = [], m
        while need > 0:
            tries = need + need // 3 + 8   # about 1.27 attempts per accepted pair
            w = eng.words(tries * per).reshape(tries, per)
            if wide:
                c1 = _canonical64(w[:, 0], w[:, 1])
                c2 = _canonical64(w[:, 2], w[:, 3])
                x = 2.0 * c1 - 1.0
                y = 2.0 * c2 - 1.0
                r2 = x * x + y * y
            else:
                c1 = _canonical32(w[:, 0])
                c2 = _canonical32(w[:, 1])
                # 2.0 * c - 1.0 is evaluated in double, then stored as float.
                x = (2.0 * c1.astype(np.float64) - 1.0).astype(np.float32)
                y = (2.0 * c2.astype(np.float64) - 1.0).astype(np.float32)
                r2 = x * x + y * y
            ok = np.flatnonzero((r2 <= 1) & (r2 != 0))
            if ok.size >= need:
                ok = ok[:need]
                eng.unread(w[ok[-1] + 1:].reshape(-1))
            yy, rr = y[ok], r2[ok]
            if wide:
                mult = np.sqrt(-2.0 * np.log(rr) / rr)
            else:
                # logf is (almost always) correctly rounded: log in double, round once.
                logr = np.log(rr.astype(np.float64)).astype(np.float32)
                mult = np.sqrt(np.float32(-2) * logr / rr)
            parts.append(yy * mult)
            need -= ok.size
        return parts[0] if len(parts) == 1 else np.concatenate(parts)

    def normal(self, loc: float, scale: float, n: int, dtype) -> np.ndarray:
        dtype = np.dtype(dtype)
        if dtype not in (np.float32, np.float64, np.float16):
            raise TypeError(f"MXNet-exact normal: unsupported dtype {dtype}")
        wide = dtype != np.float32
        ftype = np.float64 if wide else np.float32
        out = np.empty(n, dtype=ftype)
        nthread, step = chunking(n)
        for k in range(nthread):
            start = k * step
            if start >= n:
                break
            end = min(start + step, n)
            out[start:end] = self._polar(self._engine(k), end - start, wide)
        mu, sd = ftype(np.float32(loc)), ftype(np.float32(scale))
        r = out * sd + mu
        return _to_half(r) if dtype == np.float16 else r

