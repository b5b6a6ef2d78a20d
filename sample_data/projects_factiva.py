"""The Factiva deliveries behind the project sheets: cited articles plus uncited filler.

Kazakhstan (replica 0) fixes what the update deliveries do to cited articles; ``CALIBRATION``
records it after :func:`write` (deleted accession numbers, orphaned projects, retitled articles).
"""

from __future__ import annotations

import itertools
import random
from concurrent.futures import Executor
from datetime import datetime
from pathlib import Path

from sample_data import factiva

CALIBRATION: dict[str, object] = {}


def write(
    out: Path, seed: int, scale: int, rows: list, articles: list[dict], taken: set[str],
    executor: Executor | None = None,
) -> list[Path]:  # fmt: skip
    """An initial extraction in four files, then three update deliveries (rep, del, late adds).

    Calibration (Kazakhstan, replica 0): three in-window projects citing no URL lose every cited
    article, two more lose one of their two; three cited articles get a new title; one cited
    article is first delivered as a ``rep``; one arrives as ``add`` then ``rep`` in one file.
    """
    rng = random.Random(f"{seed}:factiva:plan")
    kaz = [r for r in rows if r.country == "KAZ" and not r.replica and r.in_window]
    only_ans = [r for r in kaz if r.ans and not r.urls]
    orphans = rng.sample([r for r in only_ans if len(r.ans) == 1], 2)
    orphans += rng.sample([r for r in only_ans if len(r.ans) == 2], 1)
    partial = rng.sample([r for r in kaz if len(r.ans) == 2 and r not in orphans], 2)
    deleted = [an for r in orphans for an in r.ans] + [rng.choice(r.ans) for r in partial]
    kept = [an for r in kaz for an in r.ans if an not in deleted]
    retitled, (rep_first, add_then_rep) = (lambda s: (s[:3], s[3:]))(rng.sample(kept, 5))
    by_an = {a["an"]: a for a in articles}
    new_titles = {an: (prefix + by_an[an]["title"]) for an, prefix in
                  zip(retitled, ("UPDATE: ", "CORRECTED: ", "UPDATE 2-"), strict=True)}  # fmt: skip
    new_titles[add_then_rep] = "UPDATE: " + by_an[add_then_rep]["title"]
    CALIBRATION.clear()
    CALIBRATION.update(
        deleted=deleted, orphaned_projects=[r.project_id for r in orphans],
        partially_deleted={r.project_id: [a for a in r.ans if a in deleted] for r in partial},
        retitled={an: (by_an[an]["title"], new_titles[an]) for an in retitled},
        rep_without_add=rep_first, add_then_rep=(add_then_rep, new_titles[add_then_rep]),
    )  # fmt: skip

    fillers = list(factiva.filler_articles(seed, 700 * scale, taken,
                                           start=datetime(2014, 10, 1), days=2535))  # fmt: skip
    late = list(factiva.filler_articles(seed + 1, 30 * scale, taken,
                                        start=datetime(2021, 9, 20), days=40))  # fmt: skip
    later = list(factiva.filler_articles(seed + 2, 30 * scale, taken,
                                         start=datetime(2021, 11, 5), days=110))  # fmt: skip
    cutoff = factiva.epoch_ms(datetime(2021, 9, 14))  # articles after the extraction come later
    recent = [a for a in articles if a["published"] >= cutoff]
    initial = [a for a in articles if a["an"] not in (rep_first, add_then_rep)
               and a["published"] < cutoff] + fillers  # fmt: skip
    rng.shuffle(initial)

    def add(item: dict, action: str = "add", title: str | None = None, at: int | None = None):
        modified = at or item["published"] + 3_600_000
        return factiva.record(item, action, modified, seed=seed, title=title)

    bounds = [0, *(int(len(initial) * f) for f in (0.4, 0.6, 0.75)), len(initial)]
    parts = [initial[a:b] for a, b in itertools.pairwise(bounds)]
    Delivery = factiva.Delivery
    deliveries = [
        Delivery("2021-09-15_snapshot-0001.jsonl", (add(a) for a in parts[0])),
        Delivery("2021-09-15_snapshot-0002.json", (add(a) for a in parts[1]), "json", "number"),
        Delivery("2021-09-15_snapshot-0003.json", (add(a) for a in parts[2]), "json_data",
                 deprecated_dates=True),
        Delivery("2021-09-15_snapshot-0004.csv", (add(a) for a in parts[3]), "csv"),
    ]  # fmt: skip
    t1 = factiva.epoch_ms(datetime(2021, 11, 1, 6, 0))
    touched = rng.sample(fillers, max(3, len(fillers) // 60))
    update1 = [
        add(by_an[an], "rep", new_titles[an], t1 + i * 60_000) for i, an in enumerate(retitled)
    ]
    update1 += [add(a, "rep", "UPDATE: " + a["title"], t1 + 600_000) for a in touched[::2]]
    update1 += [
        add(by_an[add_then_rep], "add", None, t1 + 900_000),
        add(by_an[add_then_rep], "rep", new_titles[add_then_rep], t1 + 1_200_000),
    ]
    update1 += [add(a, at=t1 + 1_500_000) for a in late]
    t2 = factiva.epoch_ms(datetime(2022, 1, 9, 22, 30))
    update2 = [factiva.deletion(an, t2 + i * 1000) for i, an in enumerate(deleted)]
    update2 += [factiva.deletion(a["an"], t2 + 60_000) for a in touched[1::4]]
    update2 += [add(by_an[rep_first], "rep", None, t2 + 120_000)]
    t3 = factiva.epoch_ms(datetime(2022, 2, 28, 12, 0))
    update3 = [add(a, at=t3) for a in later] + [add(a, at=t3) for a in recent]
    update3 += [factiva.deletion(late[0]["an"], t3 + 1000)]
    update3 += [add(a, "rep", "CORRECTED: " + a["title"], t3 + 2000) for a in touched[3::4]]
    deliveries += [
        Delivery("2021-11-02_update-0001.jsonl", update1),
        Delivery("2022-01-10_update-0001.jsonl", update2),
        Delivery("2022-03-01_update-0001.csv", update3, "csv"),
    ]
    return [factiva.write_delivery(out, delivery, executor) for delivery in deliveries]
