#!/usr/bin/env python3
"""Fill unfinished messages of a Qt .ts file from a JSON object {source text: translation}.

For batch work after `make transup`; Qt Linguist does the same by hand. Prints what is still
unfinished, so a missing translation is seen at once.
Usage: scripts/ts_fill.py i18n/sozialraum_de.ts translations.json
"""
from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, json_path: str | None) -> int:
    mapping = json.load(open(json_path, encoding="utf-8")) if json_path else {}
    tree = ET.parse(ts_path)
    open_left = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation.get("type") == "unfinished":
            if source in mapping:
                translation.text = mapping[source]
                del translation.attrib["type"]
            else:
                open_left.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    with open(ts_path, encoding="utf-8") as f:
        text = f.read()
    with open(ts_path, "w", encoding="utf-8") as f:  # keep Qt's doctype line
        f.write(text.replace("<?xml version='1.0' encoding='utf-8'?>",
                             '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1))
    for source in open_left:
        print(f"unfinished: {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
