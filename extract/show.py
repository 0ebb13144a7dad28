"""A document in the terminal with its facts highlighted and listed: a quick look without a browser."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from extract.engine import DocumentResult
from schemas import Fact, Modifier, Quantity

KIND_STYLES = {
    "drones": "bold black on orange1",
    "missiles": "bold white on magenta",
    "troops": "bold white on green4",
    "casualties": "bold white on red3",
    "prison_sentence": "bold white on purple4",
    "interest_rate": "bold white on blue3",
}
"""The core kinds stand out; the secondary ones are underlined in one colour each."""

SECONDARY_STYLES = {
    "percentage": "underline cyan",
    "distance": "underline yellow",
    "area": "underline yellow",
    "age": "underline bright_yellow",
    "duration": "underline bright_blue",
    "money": "underline green",
    "equipment": "underline bright_cyan",
    "people": "underline bright_magenta",
}


def kind_style(kind: str) -> str:
    return KIND_STYLES.get(kind) or SECONDARY_STYLES.get(kind, "underline")


def amount(quantity: Quantity) -> str:
    if quantity.modifier is Modifier.range:
        return f"{quantity.low:g}–{quantity.high:g}"
    if quantity.modifier is Modifier.vague:
        return f"≥ {quantity.low:g}"
    return f"{quantity.value:g}"


def attributes_text(fact: Fact) -> str:
    values = fact.attributes.model_dump(mode="json")
    return ", ".join(
        name if value is True else f"{name}={value}" for name, value in values.items() if value not in (None, False)
    )


def render_result(result: DocumentResult) -> RenderableType:
    """The document's header, its text with every fact's span styled by kind, then one table row per fact."""
    doc = result.doc
    title = (
        result.path
        if doc is None
        else " · ".join(filter(None, [doc.title, doc.path, doc.lang, str(doc.published or "")]))
    )
    text = Text(result.text or "")
    for fact in result.facts:
        text.stylize(kind_style(fact.kind), fact.span.start, fact.span.end)
    table = Table(title=f"{len(result.facts)} facts", title_justify="left", expand=False, show_lines=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("kind", no_wrap=True)
    table.add_column("span", overflow="fold")
    table.add_column("quantity", justify="right", no_wrap=True)
    table.add_column("unit", no_wrap=True)
    table.add_column("modifier", no_wrap=True)
    table.add_column("attributes", overflow="fold")
    table.add_column("when")
    table.add_column("source", overflow="fold")
    table.add_column("rule", style="dim", overflow="fold")
    for number, fact in enumerate(sorted(result.facts, key=lambda fact: fact.span.start), 1):
        when = fact.when
        table.add_row(
            str(number),
            Text(fact.kind, style=kind_style(fact.kind)),
            f"{fact.span.text} @{fact.span.start}",
            amount(fact.quantity),
            fact.quantity.unit or "",
            fact.quantity.modifier.value,
            attributes_text(fact),
            "" if when is None else str(when.start) if when.start == when.end else f"{when.start} → {when.end}",
            fact.source.text if fact.source else "",
            fact.rule,
        )
    legend = Text("  ").join(
        Text(f" {kind} ", style=kind_style(kind)) for kind in sorted({f.kind for f in result.facts})
    )
    return Group(Rule(Text(title, style="bold"), align="left"), text, Text(), legend, table)
