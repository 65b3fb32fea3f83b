"""The old XML export, kept while the partner migrated (done in 2024)."""

from xml.etree import ElementTree


def render(rows):
    root = ElementTree.Element("ledger")
    for row in rows:
        item = ElementTree.SubElement(root, "row")
        item.text = ",".join(str(v) for v in row)
    return ElementTree.tostring(root, encoding="unicode")
