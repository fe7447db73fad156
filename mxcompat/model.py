"""``mx.model``: checkpoint files and the helpers Module training shares.

A checkpoint is ``prefix-symbol.json`` (the Symbol's JSON) plus ``prefix-%04d.params``
(an ``nd.save`` dict whose keys are ``arg:<name>`` and ``aux:<name>``).
"""
from __future__ import annotations

import logging
import os
from collections import namedtuple

import numpy as np

from . import kvstore as kvs
from . import ndarray as nd

__all__ = ["BatchEndParam", "save_checkpoint", "load_checkpoint", "load_params",
           "FeedForward"]

BatchEndParam = namedtuple("BatchEndParams", ["epoch", "nbatch", "eval_metric", "locals"])


def save_checkpoint(prefix: str, epoch: int, symbol, arg_params: dict, aux_params: dict,
                    remove_amp_cast: bool = True) -> None:
    """Write ``symbol`` (if given) and the parameters of ``epoch``."""
    if symbol is not None:
        symbol.save("%s-symbol.json" % prefix, remove_amp_cast=remove_amp_cast)
    save_dict = {("arg:%s" % k): v.as_in_context(_cpu()) for k, v in arg_params.items()}
    save_dict.update({("aux:%s" % k): v.as_in_context(_cpu())
                      for k, v in aux_params.items()})
    param_name = "%s-%04d.params" % (prefix, epoch)
    nd.save(param_name, save_dict)
    logging.info('Saved checkpoint to "%s"', param_name)


def _cpu():
    from .context import cpu
    return cpu()


def load_params(prefix: str, epoch: int):
    """``(arg_params, aux_params)`` read from ``prefix-%04d.params``."""
    fname = "%s-%04d.params" % (prefix, epoch)
    save_dict = nd.load(fname)
    arg_params, aux_params = {}, {}
    if not save_dict:
        logging.warning("Params file '%s' is empty", fname)
        return arg_params, aux_params
    for k, v in save_dict.items():
        tp, _, name = k.partition(":")
        if tp == "arg":
            arg_params[name] = v
        elif tp == "aux":
            aux_params[name] = v
    return arg_params, aux_params


def load_checkpoint(prefix: str, epoch: int):
    """``(symbol, arg_params, aux_params)`` of a checkpoint."""
    from . import symbol as sym
    symbol = sym.load("%s-symbol.json" % prefix)
    arg_params, aux_params = load_params(prefix, epoch)
    return symbol, arg_params, aux_params


def _create_kvstore(kvstore, num_device: int, arg_params: dict):
    """``(kvstore or None, update_on_kvstore)`` as MXNet chooses them."""
    update_on_kvstore = bool(int(os.getenv("MXNET_UPDATE_ON_KVSTORE", "1")))
    if kvstore is None:
        kv = None
    elif isinstance(kvstore, kvs.KVStore):
        kv = kvstore
    elif isinstance(kvstore, str):
        if num_device == 1 and "dist" not in kvstore:
            kv = None
        else:
            kv = kvs.create(kvstore)
            if kvstore == "local":
                sizes = [int(np.prod(p.shape)) for p in arg_params.values()]
                if sizes and max(sizes) > 1024 * 1024 * 16:
                    update_on_kvstore = False
    else:
        raise TypeError("kvstore must be KVStore, str or None")
    if kv is None:
        update_on_kvstore = False
    else:
        update_on_kvstore &= kv.is_capable(kvs.KVStore.OPTIMIZER)
    return kv, update_on_kvstore


class FeedForward:
    """The pre-Module training API (removed here)."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError("mx.model.FeedForward is not supported by mxcompat; "
                                  "use mx.mod.Module")

    @staticmethod
    def load(*args, **kwargs):
        raise NotImplementedError("mx.model.FeedForward is not supported by mxcompat; "
                                  "use mx.mod.Module.load")

    @staticmethod
    def create(*args, **kwargs):
        raise NotImplementedError("mx.model.FeedForward is not supported by mxcompat; "
                                  "use mx.mod.Module")
