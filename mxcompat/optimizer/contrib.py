"""``mx.optimizer.contrib``: GroupAdaGrad."""
from __future__ import annotations

from ..ndarray import zeros
from . import rules as R
from .base import RuleOptimizer, register

__all__ = ["GroupAdaGrad"]


@register
class GroupAdaGrad(RuleOptimizer):
    """AdaGrad with one learning rate per row of a 2-d weight (no weight decay):
    ``history += mean(g^2, axis=1); weight -= lr*g/sqrt(history + eps)``."""

    def __init__(self, eps=1e-5, **kwargs):
        super().__init__(**kwargs)
        self.float_stable_eps = eps

    def create_state(self, index, weight):
        assert len(weight.shape) == 2
        return zeros((weight.shape[0], 1), weight.context)

    def _static(self):
        return (("clip", self._clip_py()),)

    def _prepare(self, index):
        lr, wd = self._count_lr_wd(index)
        assert wd == 0, "Weight decay is not supported for GroupAdaGrad"
        return {"lr": lr, "rescale_grad": self.rescale_grad, "eps": self.float_stable_eps}

    @staticmethod
    def _kernel(cfg, pst, w, g, hist, sc):
        return R.group_adagrad(w, g, hist, lr=sc["lr"], rescale_grad=sc["rescale_grad"],
                               clip=cfg["clip"], eps=sc["eps"])
