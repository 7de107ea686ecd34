#!/usr/bin/python3
"""Writes tiny_backbone.pt, a TorchScript backbone mapping (N, 3, 32, 32) images to (N, 8)
embeddings, and tiny_backbone_expected.json: its output for a fixed input, to check that
lightly-java loads and runs it exactly. Run with Debian's /usr/bin/python3 (python3-torch)."""
import json
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(
    nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(),
    nn.Conv2d(4, 8, 3, stride=2, padding=1), nn.ReLU(),
    nn.AdaptiveAvgPool2d(1), nn.Flatten()).eval()
example = torch.linspace(-1, 1, 2 * 3 * 32 * 32).reshape(2, 3, 32, 32)
traced = torch.jit.trace(net, example)
traced.save("tiny_backbone.pt")
with torch.no_grad():
    out = traced(example)
json.dump({"input": "linspace(-1, 1, 6144) as (2, 3, 32, 32)", "output": out.tolist()},
          open("tiny_backbone_expected.json", "w"), indent=1)
