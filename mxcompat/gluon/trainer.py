"""``gluon.Trainer``: applies an optimizer to a set of Parameters.

One ``step`` is: scale the gradients by ``1/batch_size`` (through the optimizer's
``rescale_grad``), sum them across contexts when a parameter lives on several (what
MXNet's 'device'/'local' kvstore does), then update every parameter in ONE compiled call
(``Updater.fused``: all weights, gradients and optimizer states in, new weights and states
out, buffers donated).
"""
from __future__ import annotations

from .._backend import deferred as _deferred

import jax

from .. import optimizer as opt
from ..ndarray.ndarray import NDArray
from .parameter import Parameter, ParameterDict

__all__ = ["Trainer"]


class Trainer:
    """Updates ``params`` with ``optimizer`` (a name with ``optimizer_params``, or an
    Optimizer instance)."""

    def __init__(self, params, optimizer, optimizer_params: dict | None = None,
                 kvstore="device", compression_params=None, update_on_kvstore=None):
        if isinstance(params, (dict, ParameterDict)):
            params = [params[k] for k in sorted(params.keys())]
        if not isinstance(params, (list, tuple)):
            raise ValueError("First argument must be a list or dict of Parameters, "
                             "got %s." % (type(params)))
        self._params: list[Parameter] = []
        self._param2idx: dict[str, int] = {}
        for i, param in enumerate(params):
            if not isinstance(param, Parameter):
                raise ValueError("First argument must be a list or dict of Parameters, "
                                 "got list of %s." % (type(param)))
            if param._stype != "default" or param._grad_stype != "default":
                raise NotImplementedError("Trainer with sparse Parameters")
            self._param2idx[param.name] = i
            self._params.append(param)
            param._trainer = self
        if compression_params is not None:
            raise NotImplementedError("Trainer(compression_params=...): gradient compression "
                                      "is not supported by mxcompat")
        self._compression_params = compression_params
        self._contexts = self._check_contexts()
        self._init_optimizer(optimizer, optimizer_params or {})
        self._scale = self._optimizer.rescale_grad
        if isinstance(kvstore, str) and kvstore.startswith("dist"):
            raise NotImplementedError("distributed kvstore '%s' is not supported by "
                                      "mxcompat" % kvstore)
        self._kvstore_params = {"kvstore": kvstore, "update_on_kvstore": update_on_kvstore}
        self._kv_initialized = False
        self._kvstore = None
        self._update_on_kvstore = None

    # ------------------------------------------------------------------ setup
    def _check_contexts(self) -> list:
        contexts = None
        for param in self._params:
            ctx = param.list_ctx()
            assert contexts is None or contexts == ctx, (
                "All Parameters must be initialized on the same set of contexts, but "
                "Parameter %s is initialized on %s while previous Parameters are "
                "initialized on %s." % (param.name, str(ctx), str(contexts)))
            contexts = ctx
        return contexts

    def _init_optimizer(self, optimizer, optimizer_params: dict) -> None:
        param_dict = {i: param for i, param in enumerate(self._params)}
        if isinstance(optimizer, opt.Optimizer):
            assert not optimizer_params, (
                "optimizer_params must be None if optimizer is an instance of Optimizer "
                "instead of str")
            self._optimizer = optimizer
            self._optimizer.param_dict = param_dict
        else:
            self._optimizer = opt.create(optimizer, param_dict=param_dict, **optimizer_params)
        self._updaters = [opt.get_updater(self._optimizer)
                          for _ in (self._contexts or [None])]

    def _init_kvstore(self) -> None:
        """Decide how several contexts combine (MXNet's kvstore choice, emulated)."""
        kv = self._kvstore_params["kvstore"]
        multi = self._contexts is not None and len(self._contexts) > 1
        if kv is None or kv is False or not multi:
            self._kvstore = None
            self._update_on_kvstore = False
            if self._kvstore_params["update_on_kvstore"]:
                raise ValueError("Cannot set update_on_kvstore=True when there is no kvstore.")
        else:
            self._kvstore = kv if isinstance(kv, str) else getattr(kv, "type", "device")
            uok = self._kvstore_params["update_on_kvstore"]
            self._update_on_kvstore = True if uok is None else bool(uok)
        self._kv_initialized = True

    # ------------------------------------------------------------------ public API
    @property
    def learning_rate(self) -> float:
        if not isinstance(self._optimizer, opt.Optimizer):
            raise UserWarning("Optimizer has to be defined before its learning rate can be "
                              "accessed.")
        return self._optimizer.learning_rate

    @property
    def optimizer(self):
        if isinstance(self._optimizer, opt.Optimizer):
            return self._optimizer
        raise UserWarning("Optimizer has not been initialized yet")

    def set_learning_rate(self, lr: float) -> None:
        if not isinstance(self._optimizer, opt.Optimizer):
            raise UserWarning("Optimizer has to be defined before its learning rate is "
                              "mutated.")
        self._optimizer.set_learning_rate(lr)

    def step(self, batch_size: int, ignore_stale_grad: bool = False) -> None:
        """One update: gradients scaled by ``1/batch_size``, summed over contexts."""
        self._optimizer.rescale_grad = self._scale / batch_size
        if not self._kv_initialized:
            self._init_kvstore()
        self._allreduce_grads()
        self._update(ignore_stale_grad)
        _deferred.flush()   # the end of an iteration: its work runs as one segment

    def allreduce_grads(self) -> None:
        """Sum each parameter's gradients across its contexts (for a manual ``update``)."""
        if not self._kv_initialized:
            self._init_kvstore()
        assert not (self._kvstore and self._update_on_kvstore), (
            "allreduce_grads() when parameters are updated on kvstore is not supported. "
            "Try setting `update_on_kvstore` to False when creating trainer.")
        self._allreduce_grads()

    def update(self, batch_size: int, ignore_stale_grad: bool = False) -> None:
        """Apply the optimizer only (after ``allreduce_grads``)."""
        if not self._kv_initialized:
            self._init_kvstore()
        assert not (self._kvstore and self._update_on_kvstore), (
            "update() when parameters are updated on kvstore is not supported. Try "
            "setting `update_on_kvstore` to False when creating trainer.")
        self._optimizer.rescale_grad = self._scale / batch_size
        self._update(ignore_stale_grad)

    def save_states(self, fname: str) -> None:
        """Write the optimizer state (MXNet's pickle of the updater states)."""
        assert self._optimizer is not None
        if not self._kv_initialized:
            self._init_kvstore()
        with open(fname, "wb") as fout:
            fout.write(self._updaters[0].get_states(dump_optimizer=True))

    def load_states(self, fname: str) -> None:
        """Read what ``save_states`` wrote."""
        if not self._kv_initialized:
            self._init_kvstore()
        with open(fname, "rb") as f:
            states = f.read()
        for updater in self._updaters:
            updater.set_states(states)
            updater.optimizer = self._updaters[0].optimizer
        self._optimizer = self._updaters[0].optimizer
        self._optimizer.param_dict = {i: param for i, param in enumerate(self._params)}

    # ------------------------------------------------------------------ internals
    def _allreduce_grads(self) -> None:
        if self._kvstore is None:
            return
        for param in self._params:
            if param.grad_req == "null":
                continue
            grads = param.list_grad()
            if len(grads) < 2:
                continue
            total = _sum_on(grads[0], grads)
            for g in grads:
                g._set(jax.device_put(total, _device_of(g)))

    def _update(self, ignore_stale_grad: bool = False) -> None:
        single = self._kvstore is not None and self._update_on_kvstore
        per_ctx = [([], [], []) for _ in self._updaters]
        for i, param in enumerate(self._params):
            if param.grad_req == "null":
                continue
            datas = param.list_data()
            if not ignore_stale_grad:
                for data in datas:
                    if not data._fresh_grad:
                        raise UserWarning(
                            "Gradient of Parameter `%s` on context %s has not been updated "
                            "by backward since last `step`. This could mean a bug in your "
                            "model that made it only use a subset of the Parameters (Blocks) "
                            "for this iteration. If you are intentionally only using a "
                            "subset, call step with ignore_stale_grad=True to suppress this "
                            "warning and skip updating of Parameters with stale gradient"
                            % (param.name, str(data.context)))
            grads = param.list_grad()
            targets = range(1) if single else range(len(datas))
            for k in targets:
                arr = datas[k]
                if ignore_stale_grad and not arr._fresh_grad:
                    continue
                idx, ws, gs = per_ctx[k]
                idx.append(i)
                ws.append(arr)
                gs.append(grads[k])
            for arr in datas:
                arr._fresh_grad = False
        for updater, (idx, ws, gs) in zip(self._updaters, per_ctx):
            if idx:
                updater.fused(idx, ws, gs)
        if single:  # the kvstore way: update once, then every context gets the new value
            for i, param in enumerate(self._params):
                if param.grad_req == "null":
                    continue
                datas = param.list_data()
                for d in datas[1:]:
                    d._set(jax.device_put(datas[0]._array, _device_of(d)))


def _device_of(x: NDArray):
    return next(iter(x._array.devices()))


def _sum_on(first: NDArray, arrays: list):
    dev = _device_of(first)
    total = arrays[0]._array
    for a in arrays[1:]:
        total = total + jax.device_put(a._array, dev)
    return total
