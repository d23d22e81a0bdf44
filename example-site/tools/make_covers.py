#!/usr/bin/env python3
"""Generate the example site's cover images (abstract art, no text, no network).

Reads every post under docs/blog/posts/, takes its ``image`` path and category from
the front matter, and draws a 1200x630 cover for it: a diagonal gradient in the
category's palette with a motif that hints at the topic (rings for fCTO, people-like
clusters for Hiring, blocks for Architecture, bands for Delivery, a lens and grid for
Due Diligence, columns for Budgets). Also draws the Services page cover and the
author's avatar.

The output is deterministic: the same sources give the same PNG bytes (for a given
Pillow version). Each cover is a palette PNG well under 60 KB.

    python tools/make_covers.py            # from example-site/
"""

from __future__ import annotations

import hashlib
import random
import re
import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
POSTS = DOCS / "blog" / "posts"

W, H = 1200, 630
SS = 2  # supersampling factor for smooth edges
MAX_BYTES = 60_000

# (gradient start, gradient end, accent colours...) per category slug.
PALETTES: dict[str, tuple[str, ...]] = {
    "fcto": ("#1a1f5c", "#5b3aa8", "#ffb300", "#ff8a65", "#e8eaf6"),
    "hiring": ("#003d36", "#10857a", "#ffd54f", "#b2dfdb", "#ff8a80"),
    "architecture": ("#0b2f6b", "#0a7d8c", "#80deea", "#e1f5fe", "#ffca28"),
    "delivery": ("#7a1f0b", "#ee6c1b", "#ffe082", "#fff3e0", "#3e2723"),
    "due-diligence": ("#1c262b", "#3f5560", "#c6ff00", "#b0bec5", "#ffffff"),
    "budgets": ("#143d1a", "#4f8a2b", "#ffca28", "#f1f8e9", "#a5d6a7"),
    "default": ("#1a237e", "#3949ab", "#ffc107", "#c5cae9", "#ffffff"),
}


def hex_rgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def rng_for(key: str) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big"))


def gradient(w: int, h: int, c1: str, c2: str, angle_bias: float) -> Image.Image:
    """Diagonal linear gradient from c1 (top left) to c2 (bottom right)."""
    a, b = hex_rgb(c1), hex_rgb(c2)
    # Horizontal and vertical ramps combined, then coloured with a 256-entry palette.
    hx = Image.linear_gradient("L").rotate(90).resize((w, h))
    hy = Image.linear_gradient("L").resize((w, h))
    mask = Image.blend(hy, hx, angle_bias)
    bands = [mask.point([round(a[k] + (b[k] - a[k]) * (i / 255) ** 0.9) for i in range(256)]) for k in range(3)]
    return Image.merge("RGB", bands).convert("RGBA")


def rgba(colour: str, alpha: int) -> tuple[int, int, int, int]:
    return (*hex_rgb(colour), alpha)


# --- motifs -----------------------------------------------------------------------
# Each motif draws on a transparent RGBA layer of size (w, h) = supersampled canvas.


def motif_rings(d: ImageDraw.ImageDraw, w: int, h: int, pal, r: random.Random) -> None:
    cx, cy = r.uniform(0.62, 0.8) * w, r.uniform(0.35, 0.65) * h
    for i in range(7, 0, -1):
        rad = i * h * 0.085
        colour = pal[2] if i % 3 == 0 else pal[4]
        width = int(h * (0.012 if i % 3 == 0 else 0.004))
        d.ellipse((cx - rad, cy - rad, cx + rad, cy + rad), outline=rgba(colour, 200 if i % 3 == 0 else 90), width=width)
    # A compass needle: two triangles through the centre.
    ang = r.uniform(0.4, 1.1)
    import math

    L = h * 0.5
    dx, dy = math.cos(ang) * L, -math.sin(ang) * L
    px, py = -dy * 0.08, dx * 0.08
    d.polygon([(cx + dx, cy + dy), (cx + px, cy + py), (cx - px, cy - py)], fill=rgba(pal[2], 235))
    d.polygon([(cx - dx, cy - dy), (cx + px, cy + py), (cx - px, cy - py)], fill=rgba(pal[4], 150))
    d.ellipse((cx - h * 0.02, cy - h * 0.02, cx + h * 0.02, cy + h * 0.02), fill=rgba(pal[4], 255))
    # Soft discs on the left.
    for _ in range(3):
        x, y, s = r.uniform(0.05, 0.4) * w, r.uniform(0.1, 0.9) * h, r.uniform(0.1, 0.25) * h
        d.ellipse((x - s, y - s, x + s, y + s), fill=rgba(pal[4], 28))


def motif_people(d: ImageDraw.ImageDraw, w: int, h: int, pal, r: random.Random) -> None:
    cols, rows = 6, 3
    gx, gy = w * 0.5, h * 0.2
    cw, rh = (w * 0.43) / cols, (h * 0.62) / rows
    highlight = {(r.randrange(cols), r.randrange(rows)) for _ in range(2)}
    for row in range(rows):
        for col in range(cols):
            x = gx + col * cw + cw / 2 + (rh * 0.15 if row % 2 else 0)
            y = gy + row * rh + rh / 2
            hot = (col, row) in highlight
            colour, alpha = (pal[2], 245) if hot else (pal[3], 120)
            head = rh * 0.14
            d.ellipse((x - head, y - rh * 0.34 - head, x + head, y - rh * 0.34 + head), fill=rgba(colour, alpha))
            d.rounded_rectangle(
                (x - rh * 0.21, y - rh * 0.12, x + rh * 0.21, y + rh * 0.34), radius=int(rh * 0.2), fill=rgba(colour, alpha)
            )
    for _ in range(4):
        x, y, s = r.uniform(0.02, 0.45) * w, r.uniform(0.0, 1.0) * h, r.uniform(0.08, 0.22) * h
        d.ellipse((x - s, y - s, x + s, y + s), outline=rgba(pal[3], 90), width=int(h * 0.008))


def motif_blocks(d: ImageDraw.ImageDraw, w: int, h: int, pal, r: random.Random) -> None:
    unit = h * 0.11
    ox, oy = w * 0.5, h * 0.16
    cells = 6
    for i in range(cells):
        for j in range(5):
            if r.random() < 0.35:
                continue
            x, y = ox + i * unit * 1.12, oy + j * unit * 1.12
            roll = r.random()
            if roll < 0.15:
                d.rectangle((x, y, x + unit, y + unit), fill=rgba(pal[4], 240))
            elif roll < 0.55:
                d.rectangle((x, y, x + unit, y + unit), fill=rgba(pal[2], 150))
            else:
                d.rectangle((x, y, x + unit, y + unit), outline=rgba(pal[3], 170), width=int(h * 0.006))
    # Connectors from the left: "services" talking to the grid.
    for k in range(4):
        y = oy + (k + 0.5) * unit * 1.12 * 1.2
        d.line((w * 0.08, y, ox - unit * 0.3, y), fill=rgba(pal[3], 90), width=int(h * 0.005))
        d.ellipse((w * 0.08 - unit * 0.15, y - unit * 0.15, w * 0.08 + unit * 0.15, y + unit * 0.15), fill=rgba(pal[3], 150))


def motif_bands(d: ImageDraw.ImageDraw, w: int, h: int, pal, r: random.Random) -> None:
    slope = h * 0.9
    x = w * r.uniform(0.2, 0.42)
    for i in range(6):
        bw = h * r.uniform(0.05, 0.16)
        colour = [pal[2], pal[3], pal[4]][i % 3]
        alpha = [200, 110, 90][i % 3]
        d.polygon([(x, h), (x + bw, h), (x + bw + slope, 0), (x + slope, 0)], fill=rgba(colour, alpha))
        x += bw + h * r.uniform(0.04, 0.1)
    # Chevrons: forward motion.
    cy = h * r.uniform(0.25, 0.4)
    for k in range(3):
        cx = w * 0.1 + k * h * 0.13
        s = h * 0.07
        d.line([(cx, cy - s), (cx + s, cy), (cx, cy + s)], fill=rgba(pal[3], 220 - 50 * k), width=int(h * 0.02), joint="curve")


def motif_lens(d: ImageDraw.ImageDraw, w: int, h: int, pal, r: random.Random) -> None:
    step = h * 0.06
    gx0 = int(w * 0.45)
    x = gx0
    while x < w:
        d.line((x, 0, x, h), fill=rgba(pal[3], 35), width=max(1, int(h * 0.002)))
        x += step
    y = 0.0
    while y < h:
        d.line((gx0, y, w, y), fill=rgba(pal[3], 35), width=max(1, int(h * 0.002)))
        y += step
    cx, cy, rad = w * r.uniform(0.62, 0.72), h * r.uniform(0.38, 0.5), h * 0.24
    d.ellipse((cx - rad, cy - rad, cx + rad, cy + rad), fill=rgba(pal[4], 28), outline=rgba(pal[2], 235), width=int(h * 0.022))
    d.line((cx + rad * 0.72, cy + rad * 0.72, cx + rad * 1.55, cy + rad * 1.55), fill=rgba(pal[2], 235), width=int(h * 0.05))
    # Highlighted cells inside the lens.
    for _ in range(5):
        i, j = r.randrange(-3, 3), r.randrange(-3, 3)
        x0 = gx0 + (int((cx - gx0) / step) + i) * step
        y0 = (int(cy / step) + j) * step
        if (x0 + step / 2 - cx) ** 2 + (y0 + step / 2 - cy) ** 2 < (rad * 0.8) ** 2:
            d.rectangle((x0 + 2, y0 + 2, x0 + step - 2, y0 + step - 2), fill=rgba(pal[2], 120))
    for _ in range(3):
        x, y, s = r.uniform(0.03, 0.35) * w, r.uniform(0.1, 0.9) * h, r.uniform(0.06, 0.18) * h
        d.ellipse((x - s, y - s, x + s, y + s), fill=rgba(pal[3], 30))


def motif_columns(d: ImageDraw.ImageDraw, w: int, h: int, pal, r: random.Random) -> None:
    n = 8
    base = h * 0.84
    bw = w * 0.04
    x = w * 0.5
    level = r.uniform(0.25, 0.4)
    tops = []
    for i in range(n):
        level = min(0.85, max(0.15, level + r.uniform(-0.08, 0.16)))
        top = base - level * h * 0.7
        colour, alpha = (pal[2], 230) if i == n - 1 else (pal[3], 120 + i * 12)
        d.rounded_rectangle((x, top, x + bw, base), radius=int(bw * 0.2), fill=rgba(colour, alpha))
        tops.append((x + bw / 2, top - h * 0.04))
        x += bw * 1.55
    d.line(tops, fill=rgba(pal[4], 200), width=int(h * 0.008), joint="curve")
    d.line((w * 0.47, base + h * 0.01, x, base + h * 0.01), fill=rgba(pal[4], 140), width=int(h * 0.006))
    for _ in range(4):
        cx, cy, s = r.uniform(0.05, 0.4) * w, r.uniform(0.1, 0.9) * h, r.uniform(0.04, 0.1) * h
        d.ellipse((cx - s, cy - s, cx + s, cy + s), outline=rgba(pal[2], 140), width=int(h * 0.01))


MOTIFS = {
    "fcto": motif_rings,
    "hiring": motif_people,
    "architecture": motif_blocks,
    "delivery": motif_bands,
    "due-diligence": motif_lens,
    "budgets": motif_columns,
    "default": motif_rings,
}


def cover(key: str, category: str) -> Image.Image:
    pal = PALETTES.get(category, PALETTES["default"])
    r = rng_for(key)
    w, h = W * SS, H * SS
    img = gradient(w, h, pal[0], pal[1], r.uniform(0.3, 0.7))
    # A soft glow behind the motif.
    glow = Image.new("RGBA", (w // 8, h // 8), (0, 0, 0, 0))
    gd = ImageDraw.Draw(glow)
    gx, gy, gr = glow.width * r.uniform(0.6, 0.8), glow.height * 0.5, glow.height * 0.55
    gd.ellipse((gx - gr, gy - gr, gx + gr, gy + gr), fill=rgba(pal[3], 36))
    glow = glow.filter(ImageFilter.GaussianBlur(glow.height * 0.12)).resize((w, h), Image.BILINEAR)
    img = Image.alpha_composite(img, glow)
    layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    MOTIFS.get(category, motif_rings)(ImageDraw.Draw(layer), w, h, pal, r)
    img = Image.alpha_composite(img, layer)
    return img.convert("RGB").resize((W, H), Image.LANCZOS)


def avatar() -> Image.Image:
    """A geometric monogram 'MO' on a gradient disc (256x256, transparent corners)."""
    size, s = 256, 4
    big = size * s
    pal = PALETTES["default"]
    disc = gradient(big, big, pal[0], "#5b3aa8", 0.5)
    mask = Image.new("L", (big, big), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, big - 1, big - 1), fill=255)
    out = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    out.paste(disc, (0, 0), mask)
    d = ImageDraw.Draw(out)
    lw = int(big * 0.06)
    # M
    d.line(
        [(big * 0.2, big * 0.66), (big * 0.2, big * 0.36), (big * 0.33, big * 0.52), (big * 0.46, big * 0.36), (big * 0.46, big * 0.66)],
        fill=rgba("#ffffff", 255),
        width=lw,
        joint="curve",
    )
    # O
    cx, cy, rad = big * 0.67, big * 0.51, big * 0.145
    d.ellipse((cx - rad, cy - rad, cx + rad, cy + rad), outline=rgba(pal[2], 255), width=lw)
    return out.resize((size, size), Image.LANCZOS)


def save_png(img: Image.Image, path: Path, colours: int = 255) -> int:
    """Save as an optimised palette PNG, using fewer colours until it fits MAX_BYTES."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for n in range(colours, 63, -32):
        if img.mode == "RGBA":  # only FASTOCTREE keeps the alpha channel
            q = img.quantize(n, method=Image.Quantize.FASTOCTREE)
        else:  # median cut refined by k-means: smooth gradients, few visible contours
            q = img.quantize(n, method=Image.Quantize.MEDIANCUT, kmeans=2)
        q.save(path, optimize=True)
        if path.stat().st_size < MAX_BYTES:
            break
    return path.stat().st_size


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"---\s*\n(.*?)\n---\s*\n", text, re.DOTALL)
    return (yaml.safe_load(m.group(1)) if m else None) or {}


def main() -> int:
    jobs: list[tuple[Path, str, str]] = []
    for post in sorted(POSTS.rglob("*.md")):
        meta = front_matter(post)
        image = meta.get("image")
        if isinstance(image, dict):
            image = image.get("path")
        if not image or "://" in str(image):
            continue
        cats = meta.get("categories") or meta.get("category") or "default"
        if isinstance(cats, list):
            cats = cats[0]
        jobs.append((DOCS / str(image).lstrip("/"), post.stem, slugify(str(cats))))
    jobs.append((DOCS / "assets" / "images" / "services.png", "services", "default"))

    failed = False
    for target, key, category in jobs:
        size = save_png(cover(key, category), target)
        flag = "" if size < MAX_BYTES else "  <-- too large"
        failed |= size >= MAX_BYTES
        print(f"{size/1024:5.1f} KB  {category:14} {target.relative_to(ROOT)}{flag}")
    size = save_png(avatar(), DOCS / "assets" / "images" / "avatar.png", colours=128)
    print(f"{size/1024:5.1f} KB  {'avatar':14} docs/assets/images/avatar.png")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
