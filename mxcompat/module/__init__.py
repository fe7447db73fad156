"""``mx.mod`` / ``mx.module``: symbolic training with Module and BucketingModule."""
from __future__ import annotations

from .base_module import BaseModule
from .bucketing_module import BucketingModule
from .module import Module

__all__ = ["BaseModule", "Module", "BucketingModule"]
