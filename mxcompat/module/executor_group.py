"""Data parallelism for Module: one Executor per context, each on a slice of the batch.

As MXNet's ``DataParallelExecutorGroup``: the batch is cut along its batch axis in
proportion to ``work_load_list``; every context holds its own copy of the parameters;
outputs and input gradients are concatenated back along the batch axis. Parameter arrays
are the same NDArray objects for the life of the group (re-shaping or sharing with another
module's group keeps them), so a compiled optimizer step updates them in place.
"""
from __future__ import annotations

from collections import OrderedDict

import jax.numpy as jnp
import numpy as np

from .. import ndarray as nd
from ..io import DataDesc
from ..ndarray.ndarray import NDArray

__all__ = ["ExecutorGroup", "split_input_slice"]


def split_input_slice(batch_size: int, work_load_list) -> list:
    """Slices of ``range(batch_size)``, one per context, sized by the work loads."""
    total = sum(work_load_list)
    counts = [round(w * batch_size / total) for w in work_load_list]
    if sum(counts) < batch_size:
        counts[-1] += batch_size - sum(counts)
    slices, end = [], 0
    for n in counts:
        begin = int(min(end, batch_size))
        end = int(min(begin + n, batch_size))
        if begin >= end:
            raise ValueError("Too many slices. Some splits are empty.")
        slices.append(slice(begin, end))
    return slices


def own_copy(arr):
    """A copy of ``arr`` in a buffer of its own (same device)."""
    return jnp.array(arr, copy=True)


def _slice_along(arr: NDArray, axis: int, sl: slice) -> NDArray:
    if axis == 0:
        return arr[sl.start:sl.stop]
    return nd.slice_axis(arr, axis=axis, begin=sl.start, end=sl.stop)


def _load(sources, targets, axes, slices) -> None:
    """Copy (slices of) the batch arrays into each executor's input arrays."""
    for src, dsts, axis in zip(sources, targets, axes):
        if isinstance(src, np.ndarray):
            src = nd.array(src)
        if isinstance(src, (list, tuple)):  # pre-sliced, one per context
            for s, d in zip(src, dsts):
                s.copyto(d)
            continue
        for sl, dst in zip(slices, dsts):
            if axis >= 0 and (sl.start != 0 or src.shape[axis] != sl.stop):
                _slice_along(src, axis, sl).copyto(dst)
            else:
                src.copyto(dst)


def _merge(per_ctx: list, axis: int) -> NDArray:
    if len(per_ctx) == 1:
        return per_ctx[0]
    ctx = per_ctx[0].context
    return nd.concat(*[t.as_in_context(ctx) for t in per_ctx], dim=axis)


class ExecutorGroup:
    """Executors of one symbol over several contexts (see the module docstring)."""

    def __init__(self, symbol, contexts, workload, data_shapes, label_shapes, param_names,
                 for_training: bool, inputs_need_grad: bool, shared_group=None,
                 fixed_param_names=None, grad_req="write", state_names=None):
        self.symbol = symbol
        self.contexts = list(contexts)
        self.workload = list(workload)
        self.param_names = list(param_names)
        self.arg_names = symbol.list_arguments()
        self.aux_names = symbol.list_auxiliary_states()
        self.output_names = symbol.list_outputs()
        self.for_training = for_training
        self.inputs_need_grad = inputs_need_grad
        self.fixed_param_names = list(fixed_param_names or [])
        self.state_names = list(state_names or [])
        data_names = [d.name for d in data_shapes]
        self.grad_req = self._grad_reqs(grad_req, data_names)
        # arrays shared by every executor this group (or a group sharing it) makes
        self._shared = shared_group._buffers if shared_group is not None else [
            {} for _ in self.contexts]
        self._buffers = self._shared
        self.execs: list = []
        self.batch_size = None
        self.data_shapes = None
        self.label_shapes = None
        self.bind_exec(data_shapes, label_shapes)

    # -- set-up ------------------------------------------------------------------------
    def _grad_reqs(self, grad_req, data_names) -> dict:
        if not self.for_training:
            return {n: "null" for n in self.arg_names}
        if isinstance(grad_req, str):
            reqs = {}
            for n in self.arg_names:
                if n in self.param_names:
                    reqs[n] = "null" if n in self.fixed_param_names else grad_req
                elif n in data_names:
                    reqs[n] = grad_req if self.inputs_need_grad else "null"
                else:
                    reqs[n] = "null"
            return reqs
        if isinstance(grad_req, (list, tuple)):
            assert len(grad_req) == len(self.arg_names)
            return dict(zip(self.arg_names, grad_req))
        if isinstance(grad_req, dict):
            reqs = {}
            for n in self.arg_names:
                if n in self.param_names:
                    reqs[n] = "null" if n in self.fixed_param_names else "write"
                elif n in data_names:
                    reqs[n] = "write" if self.inputs_need_grad else "null"
                else:
                    reqs[n] = "null"
            reqs.update(grad_req)
            return reqs
        raise ValueError("grad_req must be one of str, list, tuple, or dict.")

    def _array(self, i: int, key, shape, dtype, ctx, share: bool) -> NDArray:
        """A zero array for ``key`` on context ``i`` (reused from the shared buffers when
        ``share`` and the shape and dtype match)."""
        if share:
            buf = self._buffers[i]
            arr = buf.get(key)
            if arr is not None and arr.shape == tuple(shape) and arr.dtype == dtype:
                return arr
            arr = nd.zeros(shape, ctx=ctx, dtype=dtype)
            buf[key] = arr
            return arr
        return nd.zeros(shape, ctx=ctx, dtype=dtype)

    def bind_exec(self, data_shapes, label_shapes, reshape: bool = False) -> None:
        """(Re)make every executor for these input shapes."""
        self.batch_size = None
        self.data_layouts = self._layouts(data_shapes)
        self.label_layouts = self._layouts(label_shapes) if label_shapes else None
        self.slices = split_input_slice(self.batch_size, self.workload)
        execs = []
        for i, ctx in enumerate(self.contexts):
            execs.append(self._bind_one(i, ctx, data_shapes, label_shapes))
        self.execs = execs
        self.data_shapes = data_shapes
        self.label_shapes = label_shapes
        self.data_names = [d.name for d in data_shapes]
        self.label_names = [d.name for d in label_shapes] if label_shapes else []
        self._collect()

    def _layouts(self, shapes) -> list:
        axes = []
        for desc in shapes:
            axis = DataDesc.get_batch_axis(desc.layout)
            if axis >= 0:
                size = desc.shape[axis]
                if self.batch_size is None:
                    self.batch_size = size
                elif size != self.batch_size:
                    raise AssertionError(
                        "all data must have the same batch size: batch_size = %d, but %s "
                        "has shape %s" % (self.batch_size, desc.name, desc.shape))
            axes.append(axis)
        return axes

    def _sliced(self, shapes, axes, i) -> list:
        out = []
        sl = self.slices[i]
        for desc, axis in zip(shapes, axes):
            shape = list(desc.shape)
            if axis >= 0:
                shape[axis] = sl.stop - sl.start
            out.append(DataDesc(desc.name, tuple(shape), desc.dtype, desc.layout))
        return out

    def _bind_one(self, i: int, ctx, data_shapes, label_shapes):
        inputs = self._sliced(data_shapes, self.data_layouts, i)
        if label_shapes:
            inputs += self._sliced(label_shapes, self.label_layouts, i)
        known = set(self.arg_names)
        shapes = {d.name: d.shape for d in inputs if d.name in known}
        types = {d.name: d.dtype for d in inputs if d.name in known}
        arg_shapes, _, aux_shapes = self.symbol.infer_shape(**shapes)
        if arg_shapes is None:
            raise ValueError("Insufficient argument shapes provided.")
        arg_types, _, aux_types = self.symbol.infer_type(**types)
        if arg_types is None:
            arg_types = [np.float32] * len(arg_shapes)
            aux_types = [np.float32] * len(aux_shapes)
        args, grads = [], {}
        for name, shape, dtype in zip(self.arg_names, arg_shapes, arg_types):
            is_param = name in self.param_names
            args.append(self._array(i, ("arg", name), shape, dtype, ctx, is_param))
            if self.grad_req[name] != "null":
                grads[name] = self._array(i, ("grad", name), shape, dtype, ctx, is_param)
        aux = [self._array(i, ("aux", name), shape, dtype, ctx, True)
               for name, shape, dtype in zip(self.aux_names, aux_shapes, aux_types)]
        return self.symbol.bind(ctx, args, args_grad=grads, grad_req=self.grad_req,
                                aux_states=aux)

    def _collect(self) -> None:
        execs = self.execs
        self.data_arrays = [[e.arg_dict[n] for e in execs] for n in self.data_names]
        self.label_arrays = [[e.arg_dict[n] for e in execs] for n in self.label_names
                             if n in self.arg_names] or None
        self._label_axes = [a for n, a in zip(self.label_names, self.label_layouts or [])
                            if n in self.arg_names]
        self.state_arrays = [[e.arg_dict[n] for e in execs] for n in self.state_names]
        self.param_arrays = [[e.arg_dict[n] for e in execs] for n in self.param_names]
        if self.for_training:
            self.grad_arrays = [[e.grad_dict.get(n) for e in execs] for n in self.param_names]
        else:
            self.grad_arrays = None
        self.aux_arrays = [[e.aux_dict[n] for e in execs] for n in self.aux_names]
        if self.inputs_need_grad:
            self.input_grad_arrays = [[e.grad_dict[n] for e in execs] for n in self.data_names
                                      if n in self.arg_names]
        else:
            self.input_grad_arrays = None
        self.output_layouts = [
            DataDesc.get_batch_axis(self.symbol[i].attr("__layout__"))
            for i in range(len(self.output_names))]

    def reshape(self, data_shapes, label_shapes) -> None:
        if data_shapes == self.data_shapes and label_shapes == self.label_shapes:
            return
        self.bind_exec(data_shapes, label_shapes, reshape=True)

    # -- parameters ----------------------------------------------------------------------
    def set_params(self, arg_params: dict, aux_params: dict, allow_extra: bool = False) -> None:
        for e in self.execs:
            e.copy_params_from(arg_params, aux_params, allow_extra_params=allow_extra)
        # each parameter array owns its buffer: the compiled optimizer step donates weights,
        # which must not delete the caller's arrays (or another context's copy)
        for block in self.param_arrays + self.aux_arrays:
            for a in block:
                a._set(own_copy(a._array))

    def get_params(self, arg_params: dict, aux_params: dict) -> None:
        """Average the per-context copies into ``arg_params`` / ``aux_params``."""
        cpu = _cpu()
        for names, arrays, target in ((self.param_names, self.param_arrays, arg_params),
                                      (self.aux_names, self.aux_arrays, aux_params)):
            for name, block in zip(names, arrays):
                if len(block) == 1:
                    value = block[0].copyto(cpu)
                else:
                    value = block[0].copyto(cpu)
                    for w in block[1:]:
                        value = value + w.copyto(cpu)
                    value = value / len(block)
                value.astype(target[name].dtype).copyto(target[name])

    # -- running -------------------------------------------------------------------------
    def forward(self, data_batch, is_train=None) -> None:
        if isinstance(data_batch, list):
            data = [[b.data[j] for b in data_batch] for j in range(len(self.data_arrays))]
            labels = [[b.label[j] for b in data_batch]
                      for j in range(len(self.label_arrays or []))] \
                if data_batch[0].label else None
        else:
            data, labels = data_batch.data, data_batch.label
        _load(data, self.data_arrays, self.data_layouts, self.slices)
        if is_train is None:
            is_train = self.for_training
        if self.label_arrays is not None and labels:
            _load(labels, self.label_arrays, self._label_axes, self.slices)
        for e in self.execs:
            e.forward(is_train=is_train)

    def backward(self, out_grads=None) -> None:
        assert self.for_training, "re-bind with for_training=True to run backward"
        if out_grads is None:
            out_grads = []
        elif isinstance(out_grads, NDArray):
            out_grads = [out_grads]
        for i, e in enumerate(self.execs):
            sl = self.slices[i]
            grads = []
            for g, axis in zip(out_grads, self.output_layouts):
                if axis >= 0 and len(self.execs) > 1:
                    grads.append(_slice_along(g, axis, sl).as_in_context(self.contexts[i]))
                else:
                    grads.append(g.as_in_context(self.contexts[i]))
            e.backward(out_grads=grads)

    def get_outputs(self, merge_multi_context: bool = True, begin: int = 0, end=None):
        if end is None:
            end = len(self.output_names)
        outputs = [[e.outputs[i] for e in self.execs] for i in range(begin, end)]
        if merge_multi_context:
            return [_merge(o, a) for o, a in zip(outputs, self.output_layouts[begin:end])]
        return outputs

    def get_input_grads(self, merge_multi_context: bool = True):
        assert self.inputs_need_grad
        if merge_multi_context:
            return [_merge(g, a) for g, a in zip(self.input_grad_arrays, self.data_layouts)]
        return self.input_grad_arrays

    def get_states(self, merge_multi_context: bool = True):
        assert not merge_multi_context, \
            "merge_multi_context=True is not supported for get_states yet."
        return self.state_arrays

    def set_states(self, states=None, value=None) -> None:
        if states is not None:
            assert value is None, "Only one of states & value can be specified."
            for src, dsts in zip(states, self.state_arrays):
                for s, d in zip(src, dsts):
                    s.copyto(d)
        else:
            assert value is not None, "At least one of states & value must be specified."
            assert states is None, "Only one of states & value can be specified."
            for dsts in self.state_arrays:
                for d in dsts:
                    d[:] = value

    def get_output_shapes(self) -> list:
        shapes = []
        for name, out, axis in zip(self.output_names, self.execs[0].outputs,
                                   self.output_layouts):
            shape = list(out.shape)
            if axis >= 0 and shape:
                shape[axis] = self.batch_size
            shapes.append((name, tuple(shape)))
        return shapes

    def update_metric(self, eval_metric, labels, pre_sliced: bool = False) -> None:
        for i, e in enumerate(self.execs):
            if pre_sliced:
                labels_slice = labels[i]
            else:
                sl = self.slices[i]
                labels_slice = []
                for label, axis in zip(labels, self.label_layouts or [0] * len(labels)):
                    if axis == 0:
                        labels_slice.append(label if len(self.execs) == 1
                                            else label[sl])
                    elif axis > 0:
                        labels_slice.append(nd.slice_axis(label, axis=axis, begin=sl.start,
                                                          end=sl.stop))
                    else:
                        labels_slice.append(label)
            eval_metric.update_dict(OrderedDict(zip(self.label_names, labels_slice)),
                                    OrderedDict(zip(self.output_names, e.outputs)))


def _cpu():
    from ..context import cpu
    return cpu()
