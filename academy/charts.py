"""Charts drawn on the server as SVG (pygal), so the dashboard works without JavaScript.
Each chart goes in an <img> (a data: address, which the content security policy allows)
next to a text summary and the table of its figures: colour is never the only key."""

import base64

import pygal
from pygal.style import Style

# GOV.UK colours with enough contrast against white, in a fixed order.
STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#0b0c0c",
    foreground_strong="#0b0c0c",
    foreground_subtle="#505a5f",
    colors=("#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#b58840"),
    font_family="Arial, sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=14,
    title_font_size=16,
    value_font_size=12,
)


def _config(chart, title, labels):
    chart.title = title
    chart.x_labels = labels
    chart.js = []  # no scripts: the picture is static
    chart.show_legend = True
    chart.legend_at_bottom = True
    chart.print_values = False
    chart.truncate_label = -1
    return chart


def _data_uri(chart) -> str:
    svg = chart.render()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def line_chart(title, labels, series: dict, *, percent=True) -> str:
    chart = _config(
        pygal.Line(style=STYLE, width=800, height=360, dots_size=4, explicit_size=True),
        title,
        labels,
    )
    if percent:
        chart.range = (0, 100)
        chart.value_formatter = lambda v: f"{v:g}%"
    for name, values in series.items():
        chart.add(name, values)
    return _data_uri(chart)


def bar_chart(title, labels, series: dict, *, percent=True, horizontal=False) -> str:
    kind = pygal.HorizontalBar if horizontal else pygal.Bar
    height = max(360, 40 * len(labels) * max(1, len(series)) // 2) if horizontal else 360
    chart = _config(kind(style=STYLE, width=800, height=height, explicit_size=True), title, labels)
    if percent:
        chart.range = (0, 100)
        chart.value_formatter = lambda v: f"{v:g}%"
    for name, values in series.items():
        chart.add(name, values)
    if not horizontal:
        chart.x_label_rotation = 30
    return _data_uri(chart)
