import mxnet as mx
from mxnet.gluon.model_zoo import vision

print(vision.resnet18_v1())
print(vision.get_model("resnet50_v2", classes=10))
print(vision.resnet34_v1(thumbnail=True, prefix="r_").prefix)
