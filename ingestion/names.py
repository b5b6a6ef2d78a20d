"""Name matching for registries with aliases: one normalisation, one resolver, for every reader.

Coders write the same organisation as "Old Uralsk", «Old Uralsk» or “old  uralsk”; a name is
matched on its key (Unicode NFKC, typographic quotes and dashes made plain, case folded, runs of
spaces collapsed), and must match exactly one entry of its scope. An unknown name is reported
with the closest known names, an ambiguous one with its candidates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_SPACES = re.compile(r"\s+")
SUGGESTIONS = 3


def name_key(name: str) -> str:
    """The form names are compared in: 'Cultural Foundation «Old  Uralsk»' -> 'cultural
    foundation "old uralsk"'."""
    text = unicodedata.normalize("NFKC", name).translate(_PLAIN)
    return _SPACES.sub(" ", text).strip().casefold()


@dataclass(frozen=True)
class Entry:
    """One registry entry as a resolver knows it: id, display name, and where it applies."""

    entry_id: str
    name: str
    scope: str | None = None  # e.g. the geography of an organisation; None: everywhere


@dataclass
class NameIndex:
    """Names and aliases of one registry kind (``kind``, singular, names it in messages)."""

    kind: str
    _by_key: dict[str, dict[str, Entry]] = field(default_factory=dict)
    _spelled: dict[str, str] = field(default_factory=dict)  # key -> a name as a registry wrote it

    def add(self, entry: Entry, names: Iterable[str]) -> None:
        for name in names:
            key = name_key(name)
            if key:
                self._by_key.setdefault(key, {})[entry.entry_id] = entry
                self._spelled.setdefault(key, name.strip())

    def resolve(self, name: str, scope: str | None = None) -> Entry:
        """The one entry ``name`` denotes in ``scope``; raises ``Unresolved`` otherwise."""
        matches = [
            entry
            for entry in self._by_key.get(name_key(name), {}).values()
            if entry.scope is None or entry.scope == scope
        ]
        if len(matches) == 1:
            return matches[0]
        where = f" in {scope}" if scope else ""
        if matches:
            listed = "; ".join(
                f"{e.entry_id} '{e.name}'" for e in sorted(matches, key=lambda e: e.entry_id)
            )
            raise Unresolved(
                f"ambiguous {self.kind} '{name}'{where}: {len(matches)} entries match ({listed})"
            )
        close = self._closest(name, scope)
        hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
        raise Unresolved(f"unknown {self.kind} '{name}'{where}{hint}")

    def _closest(self, name: str, scope: str | None) -> list[str]:
        keys = [
            key
            for key, entries in self._by_key.items()
            if any(entry.scope is None or entry.scope == scope for entry in entries.values())
        ]
        found = process.extract(
            name_key(name), keys, scorer=fuzz.WRatio, limit=SUGGESTIONS, score_cutoff=75
        )
        return [self._spelled[key] for key, _score, _index in found]


class Unresolved(ValueError):
    """A name that denotes no entry, or more than one, of its registry."""
