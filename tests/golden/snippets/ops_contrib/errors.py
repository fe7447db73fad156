import mxnet as mx
from mxnet import nd


def check(f):
    try:
        f().asnumpy()
        print("no error")
    except mx.base.MXNetError as e:
        print("!! CAUGHT MXNetError:", str(e).strip().split("\n")[-1].replace("MXNetError: ", ""))


check(lambda: nd.Crop(nd.ones((1, 1, 3, 3)), h_w=(4, 4)))
check(lambda: nd.Crop(nd.ones((1, 1, 3, 3)), offset=(1, 1), h_w=(3, 3)))
check(lambda: nd.im2col(nd.ones((1, 1, 3, 3)), kernel=(4, 4)))
check(lambda: nd.GridGenerator(nd.ones((1, 6)), transform_type='affine'))
check(lambda: nd.BilinearSampler(nd.ones((1, 1, 3, 3)), nd.ones((1, 3, 2, 2))))
check(lambda: nd.random_pdf_normal(nd.ones((2, 3)), nd.ones((3,)), nd.ones((3,))))
check(lambda: nd.contrib.box_iou(nd.ones((2, 4)), nd.ones((2, 4)), format='xyxy'))
check(lambda: nd.contrib.fft(nd.ones((2, 4))))
check(lambda: nd.contrib.count_sketch(nd.ones((2, 4)), nd.array([[0, 2, 1, 0]]), nd.array([[1, -1, 1, 1]]), out_dim=3))
check(lambda: nd.Correlation(nd.ones((1, 1, 3, 3)), nd.ones((1, 1, 3, 3)), kernel_size=3, max_displacement=2))
check(lambda: nd.contrib.index_copy(nd.zeros((3, 2)), nd.array([[1]]), nd.ones((1, 2))))
check(lambda: nd.contrib.index_copy(nd.zeros((3, 2)), nd.array([1]), nd.ones((1, 3))))
check(lambda: nd.contrib.index_copy(nd.zeros((3, 2)), nd.array([1, 2]), nd.ones((1, 2))))
check(lambda: nd.contrib.ROIAlign(nd.ones((1, 4, 4)), nd.array([[0, 0, 0, 2, 2]]), pooled_size=(1, 1), spatial_scale=1.0))
check(lambda: nd.contrib.ROIAlign(nd.ones((1, 1, 4, 4)), nd.array([[0, 0, 2, 2]]), pooled_size=(1, 1), spatial_scale=1.0))
check(lambda: nd.contrib.box_decode(nd.ones((1, 2, 3)), nd.ones((1, 2, 4))))
check(lambda: nd.contrib.box_iou(nd.ones((2, 3)), nd.ones((2, 4))))
check(lambda: nd.contrib.AdaptiveAvgPooling2D(nd.ones((2, 3, 4))))
check(lambda: nd.contrib.BilinearResize2D(nd.ones((2, 3, 4))))
check(lambda: nd.contrib.BilinearResize2D(nd.ones((1, 1, 3, 4)), mode='like'))
check(lambda: nd.contrib.MultiBoxPrior(nd.ones((2, 3, 4))))
