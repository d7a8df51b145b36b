#!/usr/bin/python3
"""Converts the raw boundaries of ../shared/boundaries into Netra's map resource.

    /usr/bin/python3 tools/make_boundaries.py [RAW_DIR] [OUT_FILE]     (or: make boundaries)

Reads the MySQL dumps of cahyadsn/wilayah_boundaries (kab/*.sql: 514 kabupaten/kota, prov/*.sql:
38 provinces) and writes Sources/NetraCore/Regions/Boundaries+Data.swift (the text as a string literal): two layers of shapes
built from shared arcs, as TopoJSON does, so that two neighbours are drawn from one line and no
sliver or gap opens between them. Steps, per layer:

1. coordinates rounded to a grid of 0.001 degree (about 110 m; a 1080-px map of Jawa Barat has
   about 0.004 degree per pixel);
2. vertices closer than SNAP grid steps merged into one, and a vertex lying on a neighbour's edge
   inserted into that edge, so that the two sides of a border pass through the same points;
3. rings cut into arcs at the points where the set of regions along them changes;
4. each arc simplified once (Douglas-Peucker, TOLERANCE grid steps, ends kept), so the two
   regions on either side of it keep the same line; holes stay holes.

Standard library only (Debian's python3), no randomness, sorted everywhere: the same input gives
the same bytes. See the resource's README for its format.
"""

import glob
import json
import math
import os
import re
import sys

GRID = 1000          # grid steps per degree
SNAP = 2             # vertices this close (grid steps) are one point
TOLERANCE = 1.2      # Douglas-Peucker tolerance of kabupaten/kota, grid steps
PROVINCE_TOLERANCE = 6  # and of provinces, drawn on a map of all Indonesia (0.03 degree a pixel)
MIN_ISLAND = 3       # islands smaller than this (square grid steps) are left out
ROW = re.compile(r"\('([0-9.]+)'\s*,\s*'((?:[^'\\]|\\.)*)'\s*,\s*([-0-9.eE]+)\s*,\s*([-0-9.eE]+)\s*,\s*'(\[[^']*\])'\s*\)")


def read_layer(folder):
    """{kode: (name, [polygon]), polygon = [ring], ring = [(x, y)] in grid steps, not closed}."""
    out = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.sql"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for m in ROW.finditer(text):
            kode, name, path_json = m.group(1), m.group(2), m.group(5)
            data = json.loads(path_json)
            polys = [data] if isinstance(data[0][0][0], (int, float)) else data
            shapes = []
            for poly in polys:
                rings = []
                for ring in poly:
                    # Latitude first in the source; x is longitude here.
                    pts = [(int(math.floor(p[1] * GRID + 0.5)), int(math.floor(p[0] * GRID + 0.5))) for p in ring]
                    rings.append(pts)
                shapes.extend(outer_first(rings))
            if kode in out:
                raise SystemExit(f"{path}: kode {kode} twice")
            out[kode] = (name, shapes)
    return out


def inside(p, ring):
    """Even-odd test of point p against one ring."""
    x, y = p
    result = False
    for i in range(len(ring)):
        (x0, y0), (x1, y1) = ring[i - 1], ring[i]
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            result = not result
    return result


def outer_first(rings):
    """A source polygon as polygons whose first ring is the outline: the largest ring is the
    outline (a few source polygons list a small ring first), rings inside it are its holes, and
    rings outside it are polygons of their own."""
    if len(rings) < 2:
        return [rings]
    order = sorted(range(len(rings)), key=lambda k: (-abs(area2(rings[k])), k))
    outer = rings[order[0]]
    holes, apart = [], []
    for k in sorted(order[1:]):
        (holes if rings[k] and inside(rings[k][0], outer) else apart).append(rings[k])
    return [[outer] + holes] + [[r] for r in apart]


def dedupe(ring):
    """Consecutive repeats and the closing point removed."""
    out = []
    for p in ring:
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def area2(ring):
    a = 0
    for i in range(len(ring)):
        x0, y0 = ring[i - 1]
        x1, y1 = ring[i]
        a += x0 * y1 - x1 * y0
    return a


def snap_vertices(layer):
    """Merges vertices within SNAP of an earlier one (points in sorted order) into it."""
    points = sorted({p for _, shapes in layer.values() for poly in shapes for ring in poly for p in ring})
    cell = SNAP * 2
    grid = {}
    rep = {}
    for p in points:
        cx, cy = p[0] // cell, p[1] // cell
        best = None
        for gx in (cx - 1, cx, cx + 1):
            for gy in (cy - 1, cy, cy + 1):
                for q in grid.get((gx, gy), ()):
                    d = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2
                    if d <= SNAP * SNAP and (best is None or (d, q) < best):
                        best = (d, q)
        if best is None:
            rep[p] = p
            grid.setdefault((cx, cy), []).append(p)
        else:
            rep[p] = best[1]
    return rep


def node(layer):
    """Inserts into each edge the vertices of other regions lying within SNAP of it."""
    cell = 20
    owners = {}
    for kode, (_, shapes) in layer.items():
        for poly in shapes:
            for ring in poly:
                for p in ring:
                    owners.setdefault(p, set()).add(kode)
    grid = {}
    for p in sorted(owners):
        grid.setdefault((p[0] // cell, p[1] // cell), []).append(p)
    out = {}
    for kode in sorted(layer):
        name, shapes = layer[kode]
        new_shapes = []
        for poly in shapes:
            new_poly = []
            for ring in poly:
                res = []
                n = len(ring)
                for i in range(n):
                    a, b = ring[i], ring[(i + 1) % n]
                    res.append(a)
                    dx, dy = b[0] - a[0], b[1] - a[1]
                    ll = dx * dx + dy * dy
                    if ll == 0:
                        continue
                    found = []
                    for gx in range((min(a[0], b[0]) - SNAP) // cell, (max(a[0], b[0]) + SNAP) // cell + 1):
                        for gy in range((min(a[1], b[1]) - SNAP) // cell, (max(a[1], b[1]) + SNAP) // cell + 1):
                            for q in grid.get((gx, gy), ()):
                                if q == a or q == b or owners[q] == {kode}:
                                    continue
                                t = ((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / ll
                                if t <= 0 or t >= 1:
                                    continue
                                ex, ey = a[0] + t * dx - q[0], a[1] + t * dy - q[1]
                                if ex * ex + ey * ey <= SNAP * SNAP:
                                    found.append((t, q))
                    for _, q in sorted(found):
                        if res[-1] != q:
                            res.append(q)
                res = dedupe(res)
                new_poly.append(res)
            new_shapes.append(new_poly)
        out[kode] = (name, new_shapes)
    return out


def clean(layer, rep):
    """Vertices replaced by their representatives; rings too small to draw dropped."""
    out = {}
    for kode in sorted(layer):
        name, shapes = layer[kode]
        new_shapes = []
        for poly in shapes:
            rings = [dedupe([rep[p] for p in ring]) for ring in poly]
            if len(rings[0]) < 3 or area2(rings[0]) == 0:
                continue
            new_shapes.append([rings[0]] + [r for r in rings[1:] if len(r) >= 3 and area2(r) != 0])
        if not new_shapes:
            # Never lose a region: keep its largest polygon as it was.
            best = max(shapes, key=lambda poly: abs(area2(poly[0])))
            new_shapes = [[dedupe([rep[p] for p in best[0]])]]
        out[kode] = (name, new_shapes)
    return out


def arcs_of(layer):
    """Cuts every ring at its junctions; returns (arcs, {kode: [[[signed arc index]]]})."""
    neighbours = {}
    count = {}
    for kode in sorted(layer):
        for poly in layer[kode][1]:
            for ring in poly:
                n = len(ring)
                for i, p in enumerate(ring):
                    pair = tuple(sorted((ring[i - 1], ring[(i + 1) % n])))
                    neighbours.setdefault(p, set()).add(pair)
                    count[p] = count.get(p, 0) + 1
    junction = {p for p, s in neighbours.items() if len(s) > 1}
    arcs = []
    index = {}

    def arc_id(pts):
        key = tuple(pts)
        if key in index:
            return index[key]
        rkey = tuple(reversed(pts))
        if rkey in index:
            return ~index[rkey]
        index[key] = len(arcs)
        arcs.append(list(pts))
        return len(arcs) - 1

    topo = {}
    for kode in sorted(layer):
        polys = []
        for poly in layer[kode][1]:
            rings = []
            for ring in poly:
                cuts = [i for i, p in enumerate(ring) if p in junction]
                if not cuts:
                    # A ring with no junction is one closed arc, started at its least point so that
                    # a neighbour's identical ring (an enclave and its hole) finds the same arc.
                    k = ring.index(min(ring))
                    r = ring[k:] + ring[:k]
                    rings.append([arc_id(r + [r[0]])])
                    continue
                k = cuts[0]
                r = ring[k:] + ring[:k]
                cuts = [i for i, p in enumerate(r) if p in junction] + [len(r)]
                ids = []
                for a, b in zip(cuts, cuts[1:]):
                    pts = r[a:b + 1] if b < len(r) else r[a:] + [r[0]]
                    ids.append(arc_id(pts))
                rings.append(ids)
            polys.append(rings)
        topo[kode] = polys
    return arcs, topo


def perpendicular(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    ll = dx * dx + dy * dy
    if ll == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    return abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / math.sqrt(ll)


def douglas_peucker(pts, tol):
    if len(pts) <= 2:
        return list(pts)
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        best, at = -1.0, -1
        for k in range(i + 1, j):
            d = perpendicular(pts[k], pts[i], pts[j])
            if d > best:
                best, at = d, k
        if at >= 0 and best > tol:
            keep[at] = True
            stack.append((i, at))
            stack.append((at, j))
    return [p for p, k in zip(pts, keep) if k]


def simplify(arc, tol):
    if arc[0] == arc[-1] and len(arc) > 3:
        # A closed arc: split at the point farthest from its start, so both halves keep their ends.
        far = max(range(len(arc)), key=lambda k: ((arc[k][0] - arc[0][0]) ** 2 + (arc[k][1] - arc[0][1]) ** 2, -k))
        return douglas_peucker(arc[:far + 1], tol)[:-1] + douglas_peucker(arc[far:], tol)
    return douglas_peucker(arc, tol)


def ring_points(ids, arcs):
    out = []
    for i in ids:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(a if not out else a[1:])
    return out


def simplify_layer(arcs, topo, tolerance):
    """Each arc simplified once; an arc whose ring would fall below three points keeps more.
    Rings that have no area even unsimplified (a line there and back) are left out, and so are
    islands of less than MIN_ISLAND square grid steps that border nothing (never a region's last
    polygon): neither can be seen on a map."""
    uses = {}
    for kode in topo:
        for poly in topo[kode]:
            for ids in poly:
                for i in ids:
                    uses[i if i >= 0 else ~i] = uses.get(i if i >= 0 else ~i, 0) + 1
    whole = [list(a) for a in arcs]
    kept = {}
    for kode in sorted(topo):
        polys = []
        for poly in topo[kode]:
            rings = []
            for k, ids in enumerate(poly):
                pts = dedupe(ring_points(ids, whole))
                if len(pts) < 3 or area2(pts) == 0:
                    continue
                if k == 0 and abs(area2(pts)) < 2 * MIN_ISLAND and len(poly) == 1 and \
                        all(uses[i if i >= 0 else ~i] == 1 for i in ids):
                    rings = None
                    break
                rings.append(ids)
            if rings and rings[0] is poly[0]:
                polys.append(rings)
        if not polys:
            polys = [max(topo[kode], key=lambda poly: abs(area2(ring_points(poly[0], whole))))]
        kept[kode] = polys
    tol = [tolerance] * len(arcs)
    while True:
        simple = [simplify(a, t) for a, t in zip(arcs, tol)]
        bad = set()
        for kode in sorted(kept):
            for poly in kept[kode]:
                for ids in poly:
                    pts = dedupe(ring_points(ids, simple))
                    if len(pts) < 3 or area2(pts) == 0:
                        bad.update(i if i >= 0 else ~i for i in ids if tol[i if i >= 0 else ~i] > 0)
        if not bad:
            break
        for i in sorted(bad):
            tol[i] = tol[i] / 4 if tol[i] > 0.05 else 0
    # Arcs no ring uses any more are left out, the rest numbered again in order.
    used = sorted({i if i >= 0 else ~i for polys in kept.values() for poly in polys for ids in poly for i in ids})
    renumber = {old: new for new, old in enumerate(used)}
    out_topo = {kode: [[[renumber[i] if i >= 0 else ~renumber[~i] for i in ids] for ids in poly] for poly in polys]
                for kode, polys in kept.items()}
    return [simple[i] for i in used], out_topo


def interior_point(rings):
    """A point well inside the polygon (outer ring and holes): the middle of the widest inside
    stretch along 31 horizontal lines across it; its bounding box's centre if none is found."""
    outer = rings[0]
    ys = [p[1] for p in outer]
    lo, hi = min(ys), max(ys)
    best = None
    for k in range(1, 32):
        y = lo + (hi - lo) * k / 32
        xs = []
        for ring in rings:
            n = len(ring)
            for i in range(n):
                (x0, y0), (x1, y1) = ring[i - 1], ring[i]
                if (y0 <= y < y1) or (y1 <= y < y0):
                    xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
        xs.sort()
        for a, b in zip(xs[0::2], xs[1::2]):
            if best is None or b - a > best[0]:
                best = (b - a, (a + b) / 2, y)
    if best is None:
        xs = [p[0] for p in outer]
        return (min(xs) + max(xs)) // 2, (lo + hi) // 2
    return int(math.floor(best[1] + 0.5)), int(math.floor(best[2] + 0.5))


def build(layer, tolerance):
    rep = snap_vertices(layer)
    snapped = clean(layer, rep)
    noded = node(snapped)
    arcs, topo = arcs_of(noded)
    return simplify_layer(arcs, topo, tolerance)


def encode(v):
    """One integer as Google's polyline algorithm writes it: zigzag, then 5-bit groups, low
    first, each + 63 (with 0x20 set on all but the last), so small steps take one character."""
    v = (v << 1) if v >= 0 else ((-v) << 1) - 1
    out = ""
    while v >= 0x20:
        out += chr((0x20 | (v & 0x1F)) + 63)
        v >>= 5
    return out + chr(v + 63)


def write(out_path, layers, names):
    lines = [
        "# Netra's map of Indonesia: 38 provinces and 514 kabupaten/kota, made by tools/make_boundaries.py",
        "# from cahyadsn/wilayah_boundaries (MIT, LICENSE-wilayah_boundaries beside this file). Do not edit.",
        f"grid {GRID}",
    ]
    for tag, (arcs, topo) in layers:
        lines.append(f"layer {tag} {len(arcs)} {len(topo)}")
        for a in arcs:
            coords = [a[0][0], a[0][1]]
            for (x0, y0), (x1, y1) in zip(a, a[1:]):
                coords += [x1 - x0, y1 - y0]
            lines.append("".join(encode(c) for c in coords))
        for kode in sorted(topo):
            polys = topo[kode]
            pts_polys = [[ring_points(ids, arcs) for ids in poly] for poly in polys]
            main = max(range(len(polys)), key=lambda k: (abs(area2(pts_polys[k][0])), -k))
            ax, ay = interior_point(pts_polys[main])
            shape = "|".join("/".join(",".join(str(i) for i in ids) for ids in poly) for poly in polys)
            lines.append(f"{kode} {ax} {ay} {shape}")
    text = "\n".join(lines) + "\n"
    assert '"""' not in text and "\\#" not in text and "#" not in text.split("\n", 3)[3]
    swift = ("// Made by tools/make_boundaries.py from cahyadsn/wilayah_boundaries (MIT, LICENSE-wilayah_boundaries\n"
             "// beside this file): do not edit. The format is described in Boundaries.swift.\n\n"
             "extension Boundaries {\n    static let text = #\"\"\"\n" + text + "\"\"\"#\n}\n")
    data = swift.encode("utf-8")
    tmp = out_path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, out_path)
    return len(data)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    raw = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "boundaries")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "Sources", "NetraCore", "Regions", "Boundaries+Data.swift")
    kab = read_layer(os.path.join(raw, "kab"))
    prov = read_layer(os.path.join(raw, "prov"))
    if len(kab) != 514 or len(prov) != 38:
        raise SystemExit(f"expected 514 kabupaten/kota and 38 provinces, found {len(kab)} and {len(prov)}")
    layers = [("kabkota", build(kab, TOLERANCE)), ("provinsi", build(prov, PROVINCE_TOLERANCE))]
    size = write(out, layers, None)
    points = sum(len(a) for arcs, _ in (l for _, l in layers) for a in arcs)
    print(f"{out}: {size} bytes, {points} points")


if __name__ == "__main__":
    main()
