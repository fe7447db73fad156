import mxnet as mx
from mxnet.gluon.model_zoo import vision

for name, size in (("mobilenet0.25", 32), ("mobilenetv2_0.25", 32), ("vgg11_bn", 32),
                   ("alexnet", 67)):
    net = vision.get_model(name, classes=3)
    net.initialize(mx.init.Constant(0.01))
    out = net(mx.nd.ones((1, 3, size, size)))
    params = net.collect_params()
    print(name, out.shape, sum(p.data().size for p in params.values()))
    print("  ", [(k, p.shape) for k, p in list(params.items())[:4]])
print(vision.get_model("mobilenetv2_0.5"))
print(vision.squeezenet1_1())
