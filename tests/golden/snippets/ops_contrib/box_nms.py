import mxnet as mx
from mxnet import nd

d = nd.array([[0, 0.9, 0.0, 0.0, 1.0, 1.0],
              [1, 0.8, 0.1, 0.1, 1.1, 1.1],
              [0, 0.7, 0.05, 0.0, 1.0, 0.95],
              [0, 0.3, 2.0, 2.0, 3.0, 3.0],
              [1, 0.05, 2.1, 2.0, 3.0, 3.1],
              [-1, 0.95, 0.0, 0.0, 1.0, 1.0]])
print(nd.contrib.box_nms(d, overlap_thresh=0.5))
print(nd.contrib.box_nms(d, overlap_thresh=0.5, valid_thresh=0.1, id_index=0))
print(nd.contrib.box_nms(d, overlap_thresh=0.5, valid_thresh=0.1, id_index=0, force_suppress=True))
print(nd.contrib.box_nms(d, overlap_thresh=0.5, id_index=0, background_id=-1, topk=3))
print(nd.contrib.box_non_maximum_suppression(nd.stack(d, d[::-1]), overlap_thresh=0.4, valid_thresh=0.2))
e = nd.array([[[0.9, 0.5, 0.5, 1.0, 1.0], [0.8, 0.6, 0.5, 1.0, 1.0], [0.4, 3.0, 3.0, 1.0, 1.0]]])
print(nd.contrib.box_nms(e, coord_start=1, score_index=0, in_format='center', out_format='corner'))
