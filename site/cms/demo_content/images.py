"""Simple illustrations drawn with Pillow, so the demo ships no downloaded images."""

TEAL = (0, 88, 111)
DARK = (0, 60, 76)
SAND = (243, 242, 241)
YELLOW = (255, 221, 0)
CORAL = (232, 106, 80)
GREEN = (0, 112, 60)
SKY = (91, 165, 195)


def routes(draw, w, h):
    colours = [YELLOW, CORAL, SAND, SKY]
    target = (w * 3 // 4, h // 2)
    for n, colour in enumerate(colours):
        start = (0, h * (n + 1) // 5)
        draw.line([start, (w // 3, start[1]), target], fill=colour, width=28)
    draw.ellipse([target[0] - 70, target[1] - 70, target[0] + 70, target[1] + 70], fill=SAND)


def framework(draw, w, h):
    cx, cy, r = w // 2, h // 2, h // 4
    for (dx, dy), colour in zip(
        [(-1, -1), (1, -1), (-1, 1), (1, 1)], [YELLOW, CORAL, SKY, GREEN], strict=True
    ):
        x, y = cx + dx * r * 0.6, cy + dy * r * 0.6
        draw.ellipse([x - r, y - r, x + r, y + r], outline=colour, width=18)
    draw.ellipse([cx - 60, cy - 60, cx + 60, cy + 60], fill=SAND)


def home(draw, w, h):
    draw.rectangle([0, h * 2 // 3, w, h], fill=DARK)
    for n, colour in enumerate([YELLOW, CORAL, SKY, SAND, GREEN]):
        x = 120 + n * (w - 240) // 5
        height = 160 + (n % 3) * 60
        draw.ellipse([x, h * 2 // 3 - height - 70, x + 120, h * 2 // 3 - height + 50], fill=colour)
        draw.rectangle([x + 20, h * 2 // 3 - height + 40, x + 100, h * 2 // 3], fill=colour)


def fostering(draw, w, h):
    base = h * 3 // 4
    draw.rectangle([0, base, w, h], fill=GREEN)
    draw.rectangle([w // 3, h // 3, w * 2 // 3, base], fill=SAND)
    draw.polygon([(w // 3 - 60, h // 3), (w // 2, h // 8), (w * 2 // 3 + 60, h // 3)], fill=CORAL)
    draw.rectangle([w // 2 - 70, h // 2 - 60, w // 2 + 70, h // 2 + 40], fill=YELLOW)
    draw.rectangle([w // 2 - 40, base - 170, w // 2 + 40, base], fill=DARK)


def portrait(seed):
    colours = [YELLOW, CORAL, SKY, SAND, GREEN]

    def paint(draw, w, h):
        colour = colours[seed % len(colours)]
        draw.ellipse([w // 3, h // 6, w * 2 // 3, h // 2], fill=colour)
        draw.pieslice([w // 6, h // 2, w * 5 // 6, h * 3 // 2], 180, 360, fill=colour)

    return paint


ILLUSTRATIONS = {
    "routes": ("Four routes to one destination", routes, (1600, 900)),
    "framework": ("Practice framework circles", framework, (1600, 900)),
    "home": ("People of Southampton Way", home, (1600, 900)),
    "fostering": ("A home with a light on", fostering, (1600, 900)),
    **{
        f"portrait-{n}": (f"Staff story illustration {n}", portrait(n), (800, 800))
        for n in range(1, 6)
    },
}
