"""Times pgcli's completer (its public API only) over a generated catalog and inputs written by completion.bench.ts.

Usage: /usr/bin/python3 bench/pgcli_bench.py catalog.json RUNS  -> JSON list of {label, median, p99, count, build} (ms)
"""
import json
import sys
import time

from pgcli.packages.parseutils.meta import ForeignKey
from pgcli.pgcompleter import PGCompleter
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document


def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    with open(path) as f:
        spec = json.load(f)
    data, inputs = spec["data"], spec["inputs"]
    t0 = time.perf_counter()
    completer = PGCompleter(smart_completion=True)
    completer.extend_schemata(data["schemas"])
    completer.set_search_path(data["searchPath"])
    completer.extend_relations([(r["schema"], r["name"]) for r in data["relations"]], kind="tables")
    columns = []
    for r in data["relations"]:
        for c in r["columns"]:
            columns.append((r["schema"], r["name"], c["name"], c["type"], False, None))
    completer.extend_columns(columns, kind="tables")
    fks = []
    for fk in data["foreignKeys"]:
        for child, parent in zip(fk["columns"], fk["refColumns"]):
            fks.append(ForeignKey(parentschema=fk["refSchema"], parenttable=fk["refTable"], parentcolumn=parent,
                                  childschema=fk["schema"], childtable=fk["table"], childcolumn=child))
    completer.extend_foreignkeys(fks)
    build = (time.perf_counter() - t0) * 1000
    out = []
    for inp in inputs:
        text = inp["text"]
        doc = Document(text=text, cursor_position=inp["cursor"])
        event = CompleteEvent()
        count = len(list(completer.get_completions(doc, event)))  # warm-up
        times = []
        for _ in range(runs):
            s = time.perf_counter()
            count = len(list(completer.get_completions(doc, event)))
            times.append((time.perf_counter() - s) * 1000)
        times.sort()
        out.append({
            "label": inp["label"],
            "median": times[len(times) // 2],
            "p99": times[min(len(times) - 1, max(0, int(len(times) * 0.99 + 0.999) - 1))],
            "count": count,
            "build": build,
        })
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
