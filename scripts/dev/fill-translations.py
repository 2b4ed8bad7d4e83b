#!/usr/bin/env python3
"""Fills unfinished entries of translations/kurier_de.ts from a JSON map {source: translation}.
Developer aid: `scripts/dev/fill-translations.py map.json`. Leaves finished entries alone."""
import json
import sys
import xml.etree.ElementTree as ET

ts_path = sys.argv[2] if len(sys.argv) > 2 else 'translations/kurier_de.ts'
mapping = json.load(open(sys.argv[1], encoding='utf-8'))
tree = ET.parse(ts_path)
filled = missing = 0
for message in tree.getroot().iter('message'):
    tr = message.find('translation')
    if tr.get('type') != 'unfinished' and (tr.text or '').strip():
        continue
    source = message.find('source').text
    if source in mapping:
        tr.text = mapping[source]
        tr.attrib.pop('type', None)
        filled += 1
    else:
        missing += 1
        print('untranslated:', source, file=sys.stderr)
with open(ts_path, 'w', encoding='utf-8') as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    f.write(ET.tostring(tree.getroot(), encoding='unicode'))
    f.write('\n')
print(f'filled {filled}, still missing {missing}')
