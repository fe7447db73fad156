import mxnet as mx
from mxnet.gluon.model_zoo import vision

names = ["alexnet", "densenet121", "densenet161", "inceptionv3", "mobilenet0.25",
         "mobilenet1.0", "mobilenetv2_0.5", "mobilenetv2_1.0", "squeezenet1.0",
         "squeezenet1.1", "vgg11", "vgg13_bn", "vgg19", "resnet152_v1", "resnet34_v2"]
for name in names:
    net = vision.get_model(name, classes=5)
    keys = list(net.collect_params().keys())
    print(name, net.name, len(keys))
    print("  ", keys[:3], keys[-3:])
    print("  ", [k for k in keys if "running_var" in k][-2:])
    print("  ", sorted(set(k.split("_")[-1] for k in keys)))
