#!/usr/bin/env python3
"""Generate the exercise illustrations in forms/exercises/illustrations/.

Every picture draws the same line-figure mannequin (fixed segment lengths, round joints) in a pose
given as joint angles, so the whole set has one style and one set of proportions. Side views use the
sagittal plane directly; the three side-lying exercises (clamshell, side-lying abduction, side bridge)
are seen from the front and a little above, because their movement is in the frontal plane.

Output is plain SVG 1.1 that QtSvg (SVG Tiny 1.2) renders: rect, line, circle, ellipse, polyline,
polygon and path with M/L/Q commands, groups and transforms; no CSS, filters, masks or text.
Callouts ("hips stay down") are not drawn: they are in exercises.json (illustrationBrief.callouts)
so the handout can print and translate them.

Usage: scripts/generate-exercise-illustrations.py [output-dir]
Standard library only; the output is deterministic and committed.
"""

import math
import os
import sys

# --- canvas and style -------------------------------------------------------------------------
WIDTH, HEIGHT = 400, 300
INK = "#222222"  # figure, near-side limbs
FAR = "#666666"  # far-side limbs, drawn behind the body
PROP = "#999999"  # mat, step, bed, cushion, strap
ACCENT = "#1f77b4"  # movement arrows and the stretched/activated muscle
LIMB_W = 6.0
TORSO_W = 7.0
HEAD_W = 5.0
PROP_W = 2.0

# --- mannequin segment lengths (world units = px) --------------------------------------------
TORSO = 76.0  # hip centre to shoulder centre
NECK = 12.0  # shoulder centre to the head circle
HEAD_R = 13.0
UPPER_ARM = 46.0
FOREARM = 40.0
THIGH = 66.0
SHIN = 62.0
FOOT = 15.0
PELVIS_HALF = 11.0  # half the hip width (only visible in the front views)
SHOULDER_HALF = 13.0

MAT = 6.0  # mat thickness; bodies on the floor rest on the mat
REST = 3.5  # half the torso stroke: a segment resting on a surface sits this far above it
FLOOR_SIDE = 262.0  # screen y of the floor in side views
FLOOR_FRONT = 232.0  # screen y of the floor plane's z = 0 line in front views
FRONT_ELEVATION = 25.0  # camera elevation of the front views, degrees


# --- small vector helpers ---------------------------------------------------------------------
def d2r(a):
    return a * math.pi / 180.0


def unit(angle_deg):
    """Unit vector in the sagittal (x, y) plane; 0 = +x (right), 90 = up."""
    return (math.cos(d2r(angle_deg)), math.sin(d2r(angle_deg)), 0.0)


def add(a, b):
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a, b):
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def mul(a, k):
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a, b):
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def norm(a):
    return math.sqrt(dot(a, a))


def normalize(a):
    n = norm(a)
    return (a[0] / n, a[1] / n, a[2] / n)


def p3(x, y, z=0.0):
    return (float(x), float(y), float(z))


def along(origin, angle_deg, length):
    return add(origin, mul(unit(angle_deg), length))


def two_link(start, target, l1, l2, hint):
    """Middle joint of a two-segment chain from start reaching target (knee, elbow).

    The joint bends towards `hint` (a direction). An unreachable target is approached along the
    straight line; the end point is then start + (l1 + l2) towards the target."""
    d_vec = sub(target, start)
    d = norm(d_vec)
    u = mul(d_vec, 1.0 / d)
    if d >= l1 + l2 - 1e-6:
        return add(start, mul(u, l1)), add(start, mul(u, l1 + l2))
    a = (l1 * l1 - l2 * l2 + d * d) / (2.0 * d)
    h = math.sqrt(max(0.0, l1 * l1 - a * a))
    w = sub(hint, mul(u, dot(hint, u)))
    w = normalize(w)
    joint = add(add(start, mul(u, a)), mul(w, h))
    return joint, target


# --- pose -------------------------------------------------------------------------------------
class Pose:
    """Joint positions of the mannequin in world coordinates: x right, y up (floor y = 0),
    z towards the viewer. Near-side limbs are drawn in INK in front of the trunk, far-side limbs in
    FAR behind it."""

    def __init__(self):
        self.j = {}
        self.spine_bend = 0.0  # >0 bows the trunk towards `front` (extension), <0 away (flexion)
        self.spine_at = 0.4  # where along hip->shoulder the bow peaks (0 = hip)
        self.front = (0.0, 1.0, 0.0)
        self.face = (0.0, 1.0, 0.0)

    def copy(self):
        q = Pose()
        q.j = dict(self.j)
        q.spine_bend, q.spine_at, q.front, q.face = self.spine_bend, self.spine_at, self.front, self.face
        return q

    def shift(self, dx, dy, dz=0.0):
        for k, v in self.j.items():
            self.j[k] = add(v, (dx, dy, dz))
        return self

    def points(self):
        return list(self.j.items())

    def lowest(self, names=None):
        best = None
        for k, v in self.j.items():
            if names is not None and k not in names:
                continue
            r = HEAD_R + HEAD_W / 2 if k == "head" else REST
            y = v[1] - r
            best = y if best is None else min(best, y)
        return best

    def rest_on(self, surface, names=None):
        """Move the pose vertically so its lowest joint (of `names`) rests on `surface`."""
        return self.shift(0.0, surface - self.lowest(names))


def side_pose(hip, torso, neck, arm_near, arm_far, leg_near, leg_far, spine=0.0, spine_at=0.4,
              mirror=False, face=None):
    """Side-view pose from absolute segment angles (degrees; 0 = right, 90 = up).

    arm_* = (upper arm, forearm); leg_* = (thigh, shin, foot) with foot None meaning a neutral
    ankle (foot at right angles to the shin, towards the front of the body). `mirror` flips which
    side of the trunk is the front (the figure lies face down or faces left)."""
    s = -1.0 if mirror else 1.0
    p = Pose()
    h = p3(*hip)
    sh = along(h, torso, TORSO)
    p.j["hipN"] = p.j["hipF"] = h
    p.j["shN"] = p.j["shF"] = sh
    p.j["head"] = along(sh, neck, NECK + HEAD_R)
    for side, arm in (("N", arm_near), ("F", arm_far)):
        e = along(sh, arm[0], UPPER_ARM)
        p.j["elbow" + side] = e
        p.j["wrist" + side] = along(e, arm[1], FOREARM)
    for side, leg in (("N", leg_near), ("F", leg_far)):
        k = along(h, leg[0], THIGH)
        a = along(k, leg[1], SHIN)
        foot = leg[2] if len(leg) > 2 and leg[2] is not None else leg[1] + 90.0 * s
        p.j["knee" + side] = k
        p.j["ankle" + side] = a
        p.j["toe" + side] = along(a, foot, FOOT)
    p.front = unit(torso - 90.0 * s)
    p.face = unit(face) if face is not None else p.front
    p.spine_bend, p.spine_at = spine, spine_at
    return p


def angle_of(a, b):
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def reach(start, target, l1, l2, bend):
    """Absolute angles (deg) of a two-segment chain in the sagittal plane from start to target.
    bend = +1 puts the middle joint counter-clockwise of the start->target line, -1 clockwise."""
    base = angle_of(start, target)
    hint = unit(base + 90.0 * bend)
    mid, end = two_link(p3(*start), p3(*target), l1, l2, hint)
    return angle_of(start, mid), angle_of(mid, end)


# --- scene ------------------------------------------------------------------------------------
class Scene:
    """One picture: a pose, its props, the muscle highlight(s) and the movement arrow(s)."""

    def __init__(self, pose, view="side", floor="mat", elevation=FRONT_ELEVATION):
        self.pose = pose
        self.view = view
        self.elevation = elevation  # front views only
        self.floor = floor  # "mat", "floor" or "none"
        self.props = []  # (kind, data) in world coordinates
        self.highlights = []  # (joint a, joint b, t0, t1, side sign, thickness)
        self.arrows = []  # ("arc"|"line", data) in world coordinates

    # projection
    def project(self, v):
        if self.view == "side":
            return (v[0], FLOOR_SIDE - v[1])
        e = d2r(self.elevation)
        return (v[0], FLOOR_FRONT - (v[1] * math.cos(e) - v[2] * math.sin(e)))

    def screen_points(self):
        pts = [self.project(v) for _, v in self.pose.points()]
        for kind, data in self.props:
            if kind in ("rect", "box"):
                pts += [self.project(p3(data[0], data[1], data[4] if len(data) > 4 else 0.0)),
                        self.project(p3(data[2], data[3], data[4] if len(data) > 4 else 0.0))]
            elif kind == "line":
                pts += [self.project(data[0]), self.project(data[1])]
        return pts


def fmt(x):
    s = "%.1f" % x
    return "0.0" if s == "-0.0" else s


def pts_attr(pts):
    return " ".join("%s,%s" % (fmt(x), fmt(y)) for x, y in pts)


def arrow_head(tip, direction, size=11.0):
    dx, dy = direction
    n = math.hypot(dx, dy)
    dx, dy = dx / n, dy / n
    bx, by = tip[0] - dx * size, tip[1] - dy * size
    px, py = -dy * size * 0.5, dx * size * 0.5
    return [tip, (bx + px, by + py), (bx - px, by - py)]


def render(scene, dx, title):
    """SVG text of one scene, the figure group moved right by dx."""
    out = []
    out.append('<?xml version="1.0" encoding="UTF-8"?>')
    out.append('<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%d" '
               'viewBox="0 0 %d %d">' % (WIDTH, HEIGHT, WIDTH, HEIGHT))
    out.append("<title>%s</title>" % title)
    out.append('<rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>' % (WIDTH, HEIGHT))

    # fixed background: floor line and mat
    out.append('<g fill="none" stroke="%s" stroke-width="%s" stroke-linejoin="round">' % (PROP, fmt(PROP_W)))
    if scene.view == "side":
        if scene.floor != "none":
            out.append('<line x1="10" y1="%s" x2="390" y2="%s"/>' % (fmt(FLOOR_SIDE), fmt(FLOOR_SIDE)))
        if scene.floor == "mat":
            out.append('<rect x="30" y="%s" width="340" height="%s" rx="3" ry="3"/>'
                       % (fmt(FLOOR_SIDE - MAT), fmt(MAT)))
    else:
        # the mat seen from the front and above: its top face between z = -45 and z = 70
        y_back = scene.project(p3(0, MAT, -45))[1]
        y_front = scene.project(p3(0, MAT, 70))[1]
        y_bottom = scene.project(p3(0, 0, 70))[1]
        out.append('<polygon points="%s"/>' % pts_attr([(30, y_back), (370, y_back), (370, y_front),
                                                        (30, y_front)]))
        out.append('<line x1="30" y1="%s" x2="30" y2="%s"/>' % (fmt(y_front), fmt(y_bottom)))
        out.append('<line x1="370" y1="%s" x2="370" y2="%s"/>' % (fmt(y_front), fmt(y_bottom)))
        out.append('<line x1="30" y1="%s" x2="370" y2="%s"/>' % (fmt(y_bottom), fmt(y_bottom)))
    out.append("</g>")

    out.append('<g transform="translate(%s,0)">' % fmt(dx))
    # props
    if scene.props:
        out.append('<g fill="none" stroke="%s" stroke-width="%s" stroke-linejoin="round" '
                   'stroke-linecap="round">' % (PROP, fmt(PROP_W)))
        for kind, data in scene.props:
            if kind == "rect":  # x0, y0, x1, y1 (world, y up), corner radius
                a = scene.project(p3(data[0], data[3]))
                b = scene.project(p3(data[2], data[1]))
                out.append('<rect x="%s" y="%s" width="%s" height="%s" rx="%s" ry="%s" fill="#ffffff"/>'
                           % (fmt(a[0]), fmt(a[1]), fmt(b[0] - a[0]), fmt(b[1] - a[1]),
                              fmt(data[4] if len(data) > 4 else 2), fmt(data[4] if len(data) > 4 else 2)))
            elif kind == "line":  # strap: a thicker prop line
                a, b = scene.project(data[0]), scene.project(data[1])
                out.append('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke-width="3"/>'
                           % (fmt(a[0]), fmt(a[1]), fmt(b[0]), fmt(b[1])))
            elif kind == "polyline":
                out.append('<polyline points="%s"/>' % pts_attr([scene.project(q) for q in data]))
        out.append("</g>")

    # muscle highlights, under the figure
    for (ja, jb, t0, t1, side, thick) in scene.highlights:
        a = scene.project(scene.pose.j[ja])
        b = scene.project(scene.pose.j[jb])
        vx, vy = b[0] - a[0], b[1] - a[1]
        ln = math.hypot(vx, vy)
        ux, uy = vx / ln, vy / ln
        nx, ny = -uy * side, ux * side  # screen normal; side picks which side of the segment
        tm = (t0 + t1) / 2.0
        off = LIMB_W / 2.0 + thick / 2.0 - 1.0
        cx, cy = a[0] + vx * tm + nx * off, a[1] + vy * tm + ny * off
        rx = ln * (t1 - t0) / 2.0
        ang = math.degrees(math.atan2(uy, ux))
        out.append('<ellipse cx="0" cy="0" rx="%s" ry="%s" transform="translate(%s,%s) rotate(%s)" fill="%s"/>'
                   % (fmt(rx), fmt(thick / 2.0), fmt(cx), fmt(cy), fmt(ang), ACCENT))

    pose = scene.pose
    P = {k: scene.project(v) for k, v in pose.j.items()}

    def chain(names, colour, width):
        return ('<polyline points="%s" fill="none" stroke="%s" stroke-width="%s" '
                'stroke-linecap="round" stroke-linejoin="round"/>'
                % (pts_attr([P[n] for n in names]), colour, fmt(width)))

    def depth(side):
        return (pose.j["hip" + side][2] + pose.j["sh" + side][2]) / 2.0

    sides = sorted(("N", "F"), key=lambda side: (depth(side), 0 if side == "F" else 1))
    # far side limbs (drawn behind), then trunk, then near side limbs
    for side in sides:
        colour = INK if side == "N" else FAR
        parts = []
        parts.append(chain(["hip" + side, "knee" + side, "ankle" + side, "toe" + side], colour, LIMB_W))
        parts.append(chain(["sh" + side, "elbow" + side, "wrist" + side], colour, LIMB_W))
        if side == sides[0]:
            out.extend(parts)
            out.extend(trunk_svg(scene, P))
        else:
            out.extend(parts)

    # arrows
    for kind, data in scene.arrows:
        out.extend(arrow_svg(scene, kind, data))
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def trunk_svg(scene, P):
    pose = scene.pose
    out = []
    hip = ((P["hipN"][0] + P["hipF"][0]) / 2, (P["hipN"][1] + P["hipF"][1]) / 2)
    sh = ((P["shN"][0] + P["shF"][0]) / 2, (P["shN"][1] + P["shF"][1]) / 2)
    style = ('fill="none" stroke="%s" stroke-width="%s" stroke-linecap="round" stroke-linejoin="round"'
             % (INK, fmt(TORSO_W)))
    for a, b in (("hipN", "hipF"), ("shN", "shF")):
        if math.hypot(P[a][0] - P[b][0], P[a][1] - P[b][1]) > 1.0:
            out.append('<line x1="%s" y1="%s" x2="%s" y2="%s" %s/>'
                       % (fmt(P[a][0]), fmt(P[a][1]), fmt(P[b][0]), fmt(P[b][1]), style))
    if abs(pose.spine_bend) > 0.01:
        # quadratic bow: control point off the chord towards the front (extension) or back
        f = scene.project(add(pose.j["hipN"], pose.front))
        fx, fy = f[0] - P["hipN"][0], f[1] - P["hipN"][1]
        fn = math.hypot(fx, fy)
        fx, fy = fx / fn, fy / fn
        t = pose.spine_at
        cx = hip[0] + (sh[0] - hip[0]) * t + fx * pose.spine_bend * 2.0
        cy = hip[1] + (sh[1] - hip[1]) * t + fy * pose.spine_bend * 2.0
        out.append('<path d="M %s %s Q %s %s %s %s" %s/>'
                   % (fmt(hip[0]), fmt(hip[1]), fmt(cx), fmt(cy), fmt(sh[0]), fmt(sh[1]), style))
    else:
        out.append('<line x1="%s" y1="%s" x2="%s" y2="%s" %s/>'
                   % (fmt(hip[0]), fmt(hip[1]), fmt(sh[0]), fmt(sh[1]), style))
    # neck and head
    hc = P["head"]
    vx, vy = hc[0] - sh[0], hc[1] - sh[1]
    ln = math.hypot(vx, vy)
    nx, ny = sh[0] + vx * (ln - HEAD_R) / ln, sh[1] + vy * (ln - HEAD_R) / ln
    out.append('<line x1="%s" y1="%s" x2="%s" y2="%s" %s/>' % (fmt(sh[0]), fmt(sh[1]), fmt(nx), fmt(ny), style))
    out.append('<circle cx="%s" cy="%s" r="%s" fill="#ffffff" stroke="%s" stroke-width="%s"/>'
               % (fmt(hc[0]), fmt(hc[1]), fmt(HEAD_R), INK, fmt(HEAD_W)))
    # eye: shows which way the face points (up when lying on the back, down when face down)
    fc = scene.project(add(pose.j["head"], mul(pose.face, HEAD_R * 0.45)))
    out.append('<circle cx="%s" cy="%s" r="2.4" fill="%s"/>' % (fmt(fc[0]), fmt(fc[1]), INK))
    return out


def arrow_svg(scene, kind, data):
    style = ('fill="none" stroke="%s" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"'
             % ACCENT)
    out = []
    if kind == "arc":  # centre (world), radius, from angle, to angle (degrees, screen-true)
        centre, radius, a0, a1 = data
        c = scene.project(centre)
        n = max(8, int(abs(a1 - a0) / 4))
        pts = []
        for i in range(n + 1):
            a = d2r(a0 + (a1 - a0) * i / n)
            pts.append((c[0] + radius * math.cos(a), c[1] - radius * math.sin(a)))
        # stop the line short of the tip so the round cap does not poke through the head
        head_dir = (pts[-1][0] - pts[-2][0], pts[-1][1] - pts[-2][1])
        tip = pts[-1]
        body = pts[:-1]
        out.append('<polyline points="%s" %s/>' % (pts_attr(body), style))
        out.append('<polygon points="%s" fill="%s"/>' % (pts_attr(arrow_head(tip, head_dir)), ACCENT))
    elif kind == "line":  # start, end (world)
        a, b = scene.project(data[0]), scene.project(data[1])
        vx, vy = b[0] - a[0], b[1] - a[1]
        ln = math.hypot(vx, vy)
        stop = (b[0] - vx / ln * 6.0, b[1] - vy / ln * 6.0)
        out.append('<line x1="%s" y1="%s" x2="%s" y2="%s" %s/>' % (fmt(a[0]), fmt(a[1]), fmt(stop[0]),
                                                                  fmt(stop[1]), style))
        out.append('<polygon points="%s" fill="%s"/>' % (pts_attr(arrow_head(b, (vx, vy))), ACCENT))
    return out


# --- poses shared by several exercises -------------------------------------------------------
def supine(hip_x, leg_near, leg_far, arm_near=(0.0, 0.0), arm_far=(0.0, 0.0), spine=0.0, torso=180.0,
           neck=None):
    """Lying on the back, head to the left. Neck angle keeps the head resting on the mat."""
    if neck is None:
        lift = HEAD_R + HEAD_W / 2 - REST
        neck = torso - math.degrees(math.asin(lift / (NECK + HEAD_R)))
    return side_pose((hip_x, 0.0), torso, neck, arm_near, arm_far, leg_near, leg_far, spine=spine,
                     spine_at=0.3)


def crook_leg(foot_dx=92.0):
    """Thigh and shin angles for a bent knee with the foot flat on the mat, foot_dx ahead of the hip."""
    t, s = reach((0.0, 0.0), (foot_dx, -1.0), THIGH, SHIN, +1)
    return (t, s, 0.0)


def crook_lying(hip_x=0.0, spine=0.0, arms=((0.0, 0.0), (0.0, 0.0))):
    leg = crook_leg()
    return supine(hip_x, leg, leg, arms[0], arms[1], spine=spine)


# --- the exercises ------------------------------------------------------------------------------
def ex_hs_01():
    flat = (0.0, 0.0, 90.0)
    start = supine(0.0, flat, flat)
    # elbows on the mat beside the trunk, hands at the chest holding the strap
    a = (-2.0, 78.0)
    start = supine(0.0, flat, flat, a, a).rest_on(MAT, ["hipN", "shN", "head", "ankleN"])
    raised = (65.0, 65.0, 140.0)
    end = supine(0.0, raised, flat)
    sh = end.j["shN"]
    toe = end.j["toeN"]
    hand = (sh[0] + 40.0, sh[1] + 58.0)
    a = reach((sh[0], sh[1]), hand, UPPER_ARM, FOREARM, -1)
    end = supine(0.0, raised, flat, a, a).rest_on(MAT)
    scenes = []
    for pose in (start, end):
        s = Scene(pose)
        s.props.append(("line", (pose.j["wristN"], add(pose.j["ankleN"], mul(sub(pose.j["toeN"],
                                                                                     pose.j["ankleN"]), 0.7)))))
        scenes.append(s)
    scenes[1].highlights.append(("hipN", "kneeN", 0.2, 0.85, +1, 9.0))
    scenes[1].arrows.append(("arc", (end.j["hipN"], 140.0, 18.0, 55.0)))
    return scenes


def standing_leg(hip):
    """Far (standing) leg straight down to the floor, foot flat pointing forward."""
    return (-90.0, -90.0, 0.0)


def hands_on(sh, target, bend):
    return reach((sh[0], sh[1]), target, UPPER_ARM, FOREARM, bend)


def ex_hs_02():
    step_top = 52.0
    hip_y = THIGH + SHIN + REST + 2.0
    drop = hip_y - step_top - REST - 4.0
    leg_angle = -math.degrees(math.asin(drop / (THIGH + SHIN)))
    near = (leg_angle, leg_angle, leg_angle + 80.0)
    scenes = []
    for torso in (90.0, 58.0):
        shx = math.cos(d2r(torso)) * TORSO
        shy = hip_y + math.sin(d2r(torso)) * TORSO
        # hands on the hips: elbow back, fingers at the front of the pelvis
        hand = (0.0 + 6.0 * math.cos(d2r(torso - 70)), hip_y + 6.0 * math.sin(d2r(torso - 70)) + 8.0)
        arm = hands_on((shx, shy), hand, -1)
        pose = side_pose((0.0, hip_y), torso, torso - 5.0, arm, arm, near, standing_leg(None))
        pose.rest_on(0.0, ["ankleF", "toeF"])
        s = Scene(pose, floor="floor")
        ank = pose.j["ankleN"]
        s.props.append(("rect", (ank[0] - 26.0, 0.0, ank[0] + 34.0, ank[1] - REST - 1.0, 3)))
        scenes.append(s)
    scenes[1].highlights.append(("hipN", "kneeN", 0.2, 0.9, -1, 9.0))
    hip = scenes[1].pose.j["hipN"]
    scenes[1].arrows.append(("arc", (hip, 92.0, 102.0, 74.0)))
    return scenes


def ex_hs_03():
    flat = (0.0, 0.0, 90.0)
    scenes = []
    for shin in (0.0, 76.0):
        leg = (90.0, shin, shin + 80.0)
        pose = supine(0.0, leg, flat)
        sh = pose.j["shN"]
        knee = pose.j["kneeN"]
        hand = (knee[0] + 5.0, knee[1] - 16.0)  # behind the thigh, below the knee
        arm = hands_on(sh, hand, +1)
        pose = supine(0.0, leg, flat, arm, arm).rest_on(MAT)
        scenes.append(Scene(pose))
    scenes[1].highlights.append(("hipN", "kneeN", 0.15, 0.8, -1, 9.0))
    scenes[1].arrows.append(("arc", (scenes[1].pose.j["kneeN"], 48.0, 8.0, 62.0)))
    return scenes


def ex_hf_01():
    cushion = 8.0
    scenes = []
    rear_knee = (0.0, cushion + REST)
    front_ankle = (78.0, REST + 3.0)
    for hip_dx, torso, bend in ((0.0, 90.0, 0.0), (16.0, 92.0, -1.5)):
        hip = (rear_knee[0] + hip_dx, rear_knee[1] + math.sqrt(THIGH ** 2 - hip_dx ** 2))
        rear = (angle_of(hip, rear_knee), 180.0, 185.0)
        ft, fs = reach(hip, front_ankle, THIGH, SHIN, +1)
        front = (ft, fs, 0.0)
        shx = hip[0] + math.cos(d2r(torso)) * TORSO
        shy = hip[1] + math.sin(d2r(torso)) * TORSO
        hand = (hip[0] + 5.0, hip[1] + 12.0)
        arm = hands_on((shx, shy), hand, -1)
        pose = side_pose(hip, torso, torso - 3.0, arm, arm, rear, front, spine=bend)
        s = Scene(pose, floor="floor")
        s.props.append(("rect", (rear_knee[0] - 18.0, 0.0, rear_knee[0] + 18.0, cushion, 3)))
        scenes.append(s)
    end = scenes[1]
    end.highlights.append(("hipN", "kneeN", 0.05, 0.55, -1, 9.0))
    hip = end.pose.j["hipN"]
    end.arrows.append(("line", (add(hip, (-34.0, 22.0, 0.0)), add(hip, (2.0, 22.0, 0.0)))))
    return scenes


def ex_hf_02():
    bed_top = 120.0
    bed_end = 0.0  # x of the bed's foot end; the hips lie just inside it
    scenes = []
    for thigh, shin in ((0.0, -90.0), (-20.0, -100.0)):
        hip = (bed_end - 4.0, 0.0)
        held = (128.0, -8.0, 80.0)  # far (left) knee hugged to the chest
        near = (thigh, shin, shin + 90.0)
        pose = side_pose(hip, 180.0, 180.0 - 26.0, (0.0, 0.0), (0.0, 0.0), near, held)
        sh = pose.j["shN"]
        knee = pose.j["kneeF"]
        hand = (knee[0] + 4.0, knee[1] + 2.0)
        arm = hands_on(sh, hand, +1)
        pose = side_pose(hip, 180.0, 180.0 - 26.0, arm, arm, near, held)
        pose.rest_on(bed_top, ["hipN", "shN", "head"])
        s = Scene(pose, floor="floor")
        # bed: mattress and two legs
        s.props.append(("rect", (bed_end - 230.0, bed_top - 16.0, bed_end, bed_top, 4)))
        s.props.append(("polyline", [p3(bed_end - 12.0, bed_top - 16.0), p3(bed_end - 12.0, 0.0)]))
        s.props.append(("polyline", [p3(bed_end - 218.0, bed_top - 16.0), p3(bed_end - 218.0, 0.0)]))
        scenes.append(s)
    end = scenes[1]
    end.highlights.append(("hipN", "kneeN", 0.02, 0.5, +1, 9.0))
    end.arrows.append(("arc", (end.pose.j["hipN"], 72.0, -2.0, -26.0)))
    return scenes


def prone(hip_x, torso, arm, leg=(0.0, 0.0, 0.0), neck=None, spine=0.0, face=None):
    """Lying face down, head to the left."""
    if neck is None:
        neck = torso
    return side_pose((hip_x, 0.0), torso, neck, arm, arm, leg, leg, spine=spine, spine_at=0.3,
                     mirror=True, face=face)


def ex_lm_01():
    # level 1: flat, arms by the sides, head turned (resting on the cheek)
    lift = HEAD_R + HEAD_W / 2 - REST
    neck = 180.0 + math.degrees(math.asin(lift / (NECK + HEAD_R)))
    level1 = prone(0.0, 180.0, (0.0, 0.0), neck=neck, face=200.0).rest_on(MAT, ["hipN", "shN", "head"])
    # level 2: on the forearms, elbows under the shoulders
    sh_h = UPPER_ARM
    torso2 = 180.0 - math.degrees(math.asin(sh_h / TORSO)) + 8.0
    level2 = prone(0.0, torso2, (-90.0, 180.0), neck=torso2 - 12.0, spine=6.0)
    level2.rest_on(MAT, ["hipN", "kneeN", "ankleN", "elbowN", "wristN"])
    # level 3: arms straight, hands ahead of the shoulders, pelvis on the floor
    torso3 = 130.0
    sh_h = TORSO * math.sin(d2r(torso3))  # shoulder height above the hip joint
    arm = 180.0 + math.degrees(math.asin(sh_h / (UPPER_ARM + FOREARM)))  # straight, down and forward
    level3 = prone(0.0, torso3, (arm, arm), neck=torso3 - 34.0, spine=9.0)
    level3.rest_on(MAT, ["hipN", "kneeN", "ankleN", "wristN"])
    scenes = [Scene(level1), Scene(level3), Scene(level2)]
    hip = level3.j["hipN"]
    scenes[1].arrows.append(("arc", (hip, 118.0, 160.0, 133.0)))
    scenes[2].arrows.append(("arc", (level2.j["hipN"], 118.0, 178.0, 156.0)))
    return scenes


def ex_lm_02():
    hip_y = THIGH + SHIN + REST + 2.0
    scenes = []
    for torso, bend, hip_dx in ((90.0, 0.0, 0.0), (110.0, 4.0, 5.0)):
        shx = hip_dx + math.cos(d2r(torso)) * TORSO
        shy = hip_y + math.sin(d2r(torso)) * TORSO
        hand = (hip_dx - 8.0, hip_y + 4.0)  # hands on the back of the pelvis
        arm = hands_on((shx, shy), hand, -1)
        leg_angle = -90.0 + math.degrees(math.asin(hip_dx / (THIGH + SHIN)))
        leg = (leg_angle, leg_angle, 0.0)
        pose = side_pose((hip_dx, hip_y), torso, torso - 8.0, arm, arm, leg, leg, spine=bend, spine_at=0.3)
        pose.rest_on(0.0, ["ankleN", "toeN"])
        scenes.append(Scene(pose, floor="floor"))
    hip = scenes[1].pose.j["hipN"]
    scenes[1].arrows.append(("arc", (hip, 72.0, 60.0, 94.0)))
    return scenes


def ex_lm_03():
    # hands resting on the chest, elbows on the mat, so the arms do not hide the gap under the back
    arms = ((-4.0, 150.0), (-4.0, 150.0))
    start = crook_lying(spine=6.0, arms=arms).rest_on(MAT, ["hipN", "shN", "head", "ankleN"])
    end = crook_lying(spine=0.0, arms=arms).rest_on(MAT, ["hipN", "shN", "head", "ankleN"])
    s0, s1 = Scene(start), Scene(end)
    hip = end.j["hipN"]
    s1.arrows.append(("arc", (hip, 24.0, 30.0, 150.0)))
    return [s0, s1]


def bridge_pose(extended_far=False, lift=True):
    """Crook lying or bridge. With lift the hips rise until shoulder, hip and knee are in line."""
    foot = crook_leg()
    base = crook_lying()
    sh = base.j["shN"]
    ankle = base.j["ankleN"]
    far_leg = foot
    if not lift:
        if extended_far:
            far_leg = (foot[0], foot[0], foot[0] + 90.0)
        return supine(0.0, foot, far_leg).rest_on(MAT)
    # scan the trunk angle for a straight shoulder-hip-knee line
    best = None
    for i in range(0, 900):
        beta = i * 0.05  # trunk elevation from the shoulder, degrees
        hip = add(sh, mul(unit(beta), TORSO))
        knee, _ = two_link(hip, ankle, THIGH, SHIN, (0.0, 1.0, 0.0))
        dev = abs(angle_of(hip, knee) - beta)
        if best is None or dev < best[0]:
            best = (dev, beta, hip, knee)
    _, beta, hip, knee = best
    thigh = angle_of(hip, knee)
    shin = angle_of(knee, ankle)
    near = (thigh, shin, 0.0)
    far_leg = (thigh, thigh, thigh + 90.0) if extended_far else near
    lift = HEAD_R + HEAD_W / 2 - REST
    neck = 180.0 - math.degrees(math.asin(lift / (NECK + HEAD_R)))
    pose = side_pose((hip[0], hip[1]), 180.0 + beta, neck, (0.0, 0.0), (0.0, 0.0), near, far_leg)
    return pose


def ex_gl_01():
    arms = ((0.0, 0.0), (0.0, 0.0))
    start = crook_lying(arms=arms).rest_on(MAT)
    end = bridge_pose().rest_on(MAT, ["shN", "ankleN", "toeN", "head"])
    s0, s1 = Scene(start), Scene(end)
    s1.highlights.append(("hipN", "kneeN", -0.12, 0.32, +1, 12.0))
    hip = end.j["hipN"]
    s1.arrows.append(("line", (add(hip, (-12.0, -40.0, 0.0)), add(hip, (-12.0, -14.0, 0.0)))))
    return [s0, s1]


def ex_gl_02():
    start = bridge_pose(extended_far=True, lift=False)
    end = bridge_pose(extended_far=True).rest_on(MAT, ["shN", "ankleN", "toeN", "head"])
    # the supporting leg is the near one: draw the lifted leg behind it
    s0, s1 = Scene(start), Scene(end)
    s1.highlights.append(("hipN", "kneeN", -0.12, 0.32, +1, 12.0))
    hip = end.j["hipN"]
    s1.arrows.append(("line", (add(hip, (-12.0, -40.0, 0.0)), add(hip, (-12.0, -14.0, 0.0)))))
    return [s0, s1]


# --- front views (side-lying exercises) -----------------------------------------------------------
def side_lying_base(hip_x=0.0, bottom_y=MAT + REST):
    """Lying on the left side, head to the left, seen from the front: joints for trunk and head.
    The bottom arm lies straight along the mat under the head; the top hand rests on the mat in front
    of the chest."""
    p = Pose()
    hipB = p3(hip_x, bottom_y, 0.0)
    hipT = p3(hip_x, bottom_y + 2 * PELVIS_HALF, 0.0)
    shB = p3(hip_x - TORSO, bottom_y, 0.0)
    shT = p3(hip_x - TORSO, bottom_y + 2 * SHOULDER_HALF, 0.0)
    p.j.update(hipF=hipB, hipN=hipT, shF=shB, shN=shT)
    mid_sh = mul(add(shB, shT), 0.5)
    p.j["head"] = add(mid_sh, p3(-(NECK + HEAD_R), 4.0, 0.0))
    # bottom arm straight along the mat, overhead
    p.j["elbowF"] = add(shB, p3(-UPPER_ARM, 0.0, 8.0))
    p.j["wristF"] = add(p.j["elbowF"], p3(-FOREARM, 0.0, 6.0))
    # top hand on the mat in front of the chest
    hand = add(shB, p3(34.0, 0.0, 30.0))
    elbow, _ = two_link(shT, hand, UPPER_ARM, FOREARM, (0.4, 0.2, 1.0))
    p.j["elbowN"], p.j["wristN"] = elbow, hand
    p.front = (0.0, 0.0, 1.0)
    p.face = normalize((0.0, 0.2, 1.0))
    return p


def clam_leg(pose, side, hip, ankle, hint):
    knee, _ = two_link(hip, ankle, THIGH, SHIN, hint)
    pose.j["knee" + side] = knee
    pose.j["ankle" + side] = ankle
    shin = normalize(sub(ankle, knee))
    thigh = normalize(sub(knee, hip))
    toe_dir = normalize(sub(thigh, mul(shin, dot(thigh, shin))))  # at right angles to the shin
    pose.j["toe" + side] = add(ankle, mul(toe_dir, FOOT))


def ex_gm_01():
    scenes = []
    c = math.cos(d2r(45.0))
    for lift in (False, True):
        p = side_lying_base()
        hipB, hipT = p.j["hipF"], p.j["hipN"]
        kneeB_dir = (c, 0.0, c)
        ankleB = add(hipB, p3(THIGH * c + SHIN * c, 0.0, THIGH * c - SHIN * c))
        clam_leg(p, "F", hipB, ankleB, (c, 0.0, c))
        ankleT = add(ankleB, p3(0.0, 2 * REST + 1.0, 0.0))
        if lift:
            clam_leg(p, "N", hipT, ankleT, (0.2, 1.0, 0.35))
        else:  # knees and feet together, the top leg resting on the bottom one
            clam_leg(p, "N", hipT, ankleT, (0.0, 0.0, 1.0))
            p.j["kneeN"] = add(p.j["kneeF"], p3(0.0, 2 * REST + 1.0, 0.0))
        s = Scene(p, view="front", floor="mat")
        scenes.append(s)
    end = scenes[1]
    end.highlights.append(("hipN", "kneeN", -0.25, 0.2, -1, 12.0))
    knee = end.pose.j["kneeN"]
    end.arrows.append(("arc", (end.pose.j["hipN"], 78.0, 0.0, 38.0)))
    return scenes


def ex_gm_02():
    scenes = []
    c = math.cos(d2r(45.0))
    for lift in (0.0, 35.0):
        p = side_lying_base()
        hipB, hipT = p.j["hipF"], p.j["hipN"]
        ankleB = add(hipB, p3(THIGH * c + SHIN * c, 0.0, THIGH * c - SHIN * c))
        clam_leg(p, "F", hipB, ankleB, (c, 0.0, c))
        # top leg straight, slightly behind the body line; rests on the mat when not lifted
        if lift == 0.0:
            direction = normalize(sub(p3(hipT[0] + THIGH + SHIN, MAT + REST + 4.0, -8.0), hipT))
        else:
            direction = normalize((math.cos(d2r(lift)), math.sin(d2r(lift)), -0.1))
        p.j["kneeN"] = add(hipT, mul(direction, THIGH))
        p.j["ankleN"] = add(hipT, mul(direction, THIGH + SHIN))
        p.j["toeN"] = add(p.j["ankleN"], p3(0.0, 0.0, FOOT))  # toes forward, not up
        s = Scene(p, view="front", floor="mat")
        scenes.append(s)
    end = scenes[1]
    end.highlights.append(("hipN", "kneeN", -0.3, 0.15, +1, 12.0))
    end.arrows.append(("arc", (end.pose.j["hipN"], 138.0, 8.0, 36.0)))
    return scenes


def ex_co_04():
    scenes = []
    elbow = p3(0.0, MAT + REST, 10.0)
    shB = p3(0.0, MAT + REST + UPPER_ARM, 0.0)
    rise = shB[1] - MAT - REST
    for lifted in (False, True):
        p = Pose()
        if lifted:
            # knee, hip and shoulder in one straight line
            kneeB = p3(math.sqrt((TORSO + THIGH) ** 2 - rise ** 2), MAT + REST, 0.0)
            hipB = add(shB, mul(normalize(sub(kneeB, shB)), TORSO))
        else:
            # hips resting on the mat; the knees sit a little closer than in the bridge
            hipB = p3(math.sqrt(TORSO ** 2 - rise ** 2), MAT + REST, 0.0)
            kneeB = add(hipB, p3(THIGH, 0.0, 0.0))
        # stacked hips and shoulders: the width axis is perpendicular to the trunk, in the x-y plane
        trunk = normalize(sub(shB, hipB))
        up = normalize((-trunk[1], trunk[0], 0.0))
        if up[1] < 0:
            up = mul(up, -1.0)
        hipT = add(hipB, mul(up, 2 * PELVIS_HALF))
        shT = add(shB, mul(up, 2 * SHOULDER_HALF))
        p.j.update(hipF=hipB, hipN=hipT, shF=shB, shN=shT)
        mid_sh = mul(add(shB, shT), 0.5)
        p.j["head"] = add(mid_sh, mul(mul(trunk, 1.0), NECK + HEAD_R))
        # bottom arm: upper arm down to the elbow, forearm forward along the mat
        p.j["elbowF"] = elbow
        p.j["wristF"] = add(elbow, p3(-6.0, 0.0, FOREARM))
        # top hand resting on the top hip
        hand = add(hipT, mul(up, 4.0))
        e, _ = two_link(shT, hand, UPPER_ARM, FOREARM, add(mul(up, 2.0), (0.0, 0.0, 0.3)))
        p.j["elbowN"], p.j["wristN"] = e, hand
        # knees bent to 90 degrees: shins go back behind the body
        kneeT = add(kneeB, p3(0.0, 2 * REST + 1.0, 0.0))
        for side, hip, knee in (("F", hipB, kneeB), ("N", hipT, kneeT)):
            p.j["knee" + side] = knee
            p.j["ankle" + side] = add(knee, p3(0.0, 0.0, -SHIN))
            p.j["toe" + side] = add(p.j["ankle" + side], p3(-FOOT * 0.5, 0.0, -FOOT * 0.3))
        p.front = (0.0, 0.0, 1.0)
        p.face = normalize((0.0, 0.2, 1.0))
        # a lower camera than the other front views: the hip lift is a vertical movement
        scenes.append(Scene(p, view="front", floor="mat", elevation=12.0))
    end = scenes[1]
    hip = end.pose.j["hipF"]
    end.highlights.append(("hipF", "shF", 0.05, 0.5, -1, 10.0))
    end.arrows.append(("line", (add(hip, (4.0, -30.0, 40.0)), add(hip, (4.0, 8.0, 40.0)))))
    return scenes


def ex_co_01():
    scenes = []
    for i in range(2):
        base = crook_lying()
        sh = base.j["shN"]
        hip = base.j["hipN"]
        hand = (hip[0] + 6.0, hip[1] + 20.0)  # fingertips just inside the front hip bones
        arm = hands_on(sh, hand, -1)
        pose = crook_lying(arms=(arm, arm)).rest_on(MAT)
        scenes.append(Scene(pose))
    end = scenes[1]
    hip = end.pose.j["hipN"]
    end.highlights.append(("hipN", "shN", 0.08, 0.42, +1, 10.0))
    end.arrows.append(("line", (add(hip, (-22.0, 50.0, 0.0)), add(hip, (-22.0, 20.0, 0.0)))))
    return scenes


def ex_co_02():
    tabletop = (90.0, 0.0, 90.0)
    start = supine(0.0, tabletop, tabletop, (90.0, 90.0), (90.0, 90.0)).rest_on(MAT)
    low_leg = (8.0, 2.0, 92.0)
    # near leg lowered (heel hovering), far arm overhead: opposite arm and leg
    end = supine(0.0, low_leg, tabletop, (90.0, 90.0), (170.0, 172.0))
    end.rest_on(MAT, ["hipN", "shN", "head"])
    s0, s1 = Scene(start), Scene(end)
    s1.highlights.append(("hipN", "shN", 0.08, 0.42, +1, 10.0))
    s1.arrows.append(("arc", (end.j["hipN"], 92.0, 62.0, 16.0)))
    s1.arrows.append(("arc", (end.j["shN"], 92.0, 84.0, 160.0)))
    return [s0, s1]


def ex_co_03():
    # quadruped: thighs vertical, arms vertical, trunk level
    hip_h = THIGH + REST + MAT
    sh_h = UPPER_ARM + FOREARM + REST + MAT
    torso = 180.0 - math.degrees(math.asin((sh_h - hip_h) / TORSO))
    knee_leg = (-90.0, 0.0, 0.0)
    start = side_pose((0.0, hip_h), torso, torso, (-90.0, -90.0), (-90.0, -90.0), knee_leg, knee_leg,
                      face=-100.0)
    shin_back = (-90.0, 0.0, 0.0)
    level_leg = (0.0 + 2.0, 2.0, -80.0)
    end = side_pose((0.0, hip_h), torso, torso, (-90.0, -90.0), (180.0, 180.0), level_leg, shin_back,
                    face=-100.0)
    # the near (right) leg extends, the far (left) arm reaches forward
    s0, s1 = Scene(start), Scene(end)
    s1.highlights.append(("hipN", "kneeN", -0.15, 0.3, -1, 11.0))
    hip = end.j["hipN"]
    s1.arrows.append(("line", (add(hip, (44.0, -18.0, 0.0)), add(hip, (100.0, -18.0, 0.0)))))
    sh = end.j["shN"]
    s1.arrows.append(("line", (add(sh, (-34.0, 22.0, 0.0)), add(sh, (-86.0, 22.0, 0.0)))))
    return [s0, s1]


EXERCISES = [
    ("ex-hs-01", "Supine hamstring stretch with strap", ex_hs_01),
    ("ex-hs-02", "Standing hamstring stretch, heel on a step", ex_hs_02),
    ("ex-hs-03", "Supported 90/90 hamstring stretch", ex_hs_03),
    ("ex-hf-01", "Half-kneeling hip-flexor stretch with pelvic tuck", ex_hf_01),
    ("ex-hf-02", "Edge-of-bed passive hip-flexor stretch", ex_hf_02),
    ("ex-lm-01", "Prone extension progression", ex_lm_01),
    ("ex-lm-02", "Standing back extension", ex_lm_02),
    ("ex-lm-03", "Supine pelvic tilt", ex_lm_03),
    ("ex-gl-01", "Glute bridge", ex_gl_01),
    ("ex-gl-02", "Single-leg bridge", ex_gl_02),
    ("ex-gm-01", "Clamshell", ex_gm_01),
    ("ex-gm-02", "Side-lying hip abduction", ex_gm_02),
    ("ex-co-01", "Abdominal drawing-in / gentle bracing", ex_co_01),
    ("ex-co-02", "Dead bug", ex_co_02),
    ("ex-co-03", "Bird dog", ex_co_03),
    ("ex-co-04", "Side bridge from the knees", ex_co_04),
]

FRAME_NAMES = ["start", "end", "level-2"]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "forms", "exercises",
                                                                 "illustrations")
    os.makedirs(out_dir, exist_ok=True)
    written = 0
    for stem, name, build in EXERCISES:
        scenes = build()
        # one horizontal offset per exercise so the figure does not jump between frames
        xs = [p[0] for s in scenes for p in s.screen_points()]
        dx = WIDTH / 2.0 - (min(xs) + max(xs)) / 2.0
        for frame, scene in zip(FRAME_NAMES, scenes):
            label = {"start": "start position", "end": "end position", "level-2": "level 2"}[frame]
            path = os.path.join(out_dir, "%s-%s.svg" % (stem, frame))
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(render(scene, dx, "%s: %s" % (name, label)))
            written += 1
    print("wrote %d illustrations to %s" % (written, os.path.normpath(out_dir)))


if __name__ == "__main__":
    main()
