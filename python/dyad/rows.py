"""Flat table rows from dyad events, for CSV writers and data frames."""

from typing import Iterable, List


def flatten(events: Iterable[dict]) -> List[dict]:
    """One flat dict per event: its scalar fields, `source_code`, `source_text`,
    `target_code`, `target_text`, `verb`, and `location_*` fields (`None` where absent)."""
    rows = []
    for event in events:
        row = {k: v for k, v in event.items() if not isinstance(v, (dict, list))}
        for side in ("source", "target"):
            actor = event.get(side) or {}
            row[f"{side}_code"] = actor.get("code")
            row[f"{side}_text"] = actor.get("text")
        row["verb"] = (event.get("verb") or {}).get("text")
        location = event.get("location") or {}
        for key in ("name", "country", "lat", "lon", "precision"):
            row[f"location_{key}"] = location.get(key)
        rows.append(row)
    return rows
