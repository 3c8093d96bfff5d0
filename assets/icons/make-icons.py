#!/usr/bin/env python3
"""Draws the app icon with ImageMagick: the 2D page walk as a grid of memory references.

Each row is one guest level: host (EPT) references in orange, then the guest entry they lead
to in blue; the last row ends in the data page in green (Okabe-Ito colours, as in the app).
Small sizes get a 3x3 grid so that the cells stay a few pixels wide. Writes PNGs in the sizes
installers ask for, a Windows .ico and a macOS .icns (PNG entries) next to this script.
Run it again after changing the drawing: python3 assets/icons/make-icons.py
"""
import os
import struct
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
BLUE, ORANGE, GREEN = "#0072B2", "#E69F00", "#009E73"
BACKGROUND, EDGE = "#1B2838", "#0E1620"
SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]


def draw(size, path):
    cells = 3 if size <= 32 else 5
    s = size / 1024.0
    pad = 96 * s if size > 32 else 40 * s
    radius = 180 * s
    gap = (44 if cells == 5 else 70) * s
    inner = size - 2 * pad - (cells - 1) * gap
    cell = inner / cells
    cmds = ["-fill", BACKGROUND, "-stroke", EDGE, "-strokewidth", str(max(1.0, 12 * s)),
            "-draw", "roundrectangle %f,%f %f,%f %f,%f" % (6 * s, 6 * s, size - 6 * s, size - 6 * s, radius, radius)]
    for row in range(cells):
        for col in range(cells):
            last_col = col == cells - 1
            colour = (GREEN if row == cells - 1 else BLUE) if last_col else ORANGE
            x = pad + col * (cell + gap)
            y = pad + row * (cell + gap)
            r = cell * 0.18
            cmds += ["-stroke", "none", "-fill", colour,
                     "-draw", "roundrectangle %f,%f %f,%f %f,%f" % (x, y, x + cell, y + cell, r, r)]
    if cells == 5:
        # the walk's path: a white line through the row ends, guest entry to guest entry
        x = pad + (cells - 1) * (cell + gap) + cell / 2
        cmds += ["-stroke", "#FFFFFF", "-strokewidth", str(18 * s), "-fill", "none",
                 "-draw", "line %f,%f %f,%f" % (x, pad + cell / 2, x, pad + (cells - 1) * (cell + gap) + cell / 2)]
    subprocess.run(["convert", "-size", "%dx%d" % (size, size), "xc:none"] + cmds + ["PNG32:" + path], check=True)


def icns(pngs, path):
    """macOS icon file: 'icns', its length, then PNG entries typed by their pixel size."""
    types = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}
    body = b""
    for size, png in pngs:
        if size in types:
            data = open(png, "rb").read()
            body += types[size] + struct.pack(">I", len(data) + 8) + data
    with open(path, "wb") as f:
        f.write(b"icns" + struct.pack(">I", len(body) + 8) + body)


def main():
    pngs = []
    for size in SIZES:
        png = os.path.join(HERE, "memvirt-lab-%d.png" % size)
        draw(size, png)
        pngs.append((size, png))
    ico_sizes = [p for s, p in pngs if s <= 256]
    subprocess.run(["convert"] + ico_sizes + [os.path.join(HERE, "memvirt-lab.ico")], check=True)
    icns(pngs, os.path.join(HERE, "memvirt-lab.icns"))


if __name__ == "__main__":
    main()
