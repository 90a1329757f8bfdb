"""A Datasette plugin, registered by `scraper serve`: a facet counting rows per month of an
ISO date column (`{"month": "published"}`), which Datasette's own date facet does per day."""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args


class MonthFacet(Facet):  # type: ignore[misc]
    """Rows per `YYYY-MM` prefix of a date column, newest month first; a click filters the
    table with Datasette's `column__startswith=YYYY-MM`."""

    type = "month"

    async def suggest(self) -> list[dict[str, Any]]:
        return []  # only where the metadata asks for it

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        results: list[dict[str, Any]] = []
        timed_out: list[str] = []
        args = dict(self.get_querystring_pairs())
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            month = f"substr({escape_sqlite(column)}, 1, 7)"
            sql = (
                f"select {month} as value, count(*) as count from ({self.sql})"
                f" where {escape_sqlite(column)} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"
                f" group by value order by value desc limit {size + 1}"
            )
            try:
                rows = await self.ds.execute(
                    self.database,
                    sql,
                    self.params,
                    truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                timed_out.append(column)
                continue
            key = f"{column}__startswith"
            values = []
            for row in rows.rows[:size]:
                selected = args.get(key) == row["value"]
                toggle = (path_with_removed_args if selected else path_with_added_args)(
                    self.request, {key: row["value"]}
                )
                values.append(
                    {
                        "value": row["value"],
                        "label": row["value"],
                        "count": row["count"],
                        "toggle_url": self.ds.absolute_url(self.request, toggle),
                        "selected": selected,
                    }
                )
            results.append(
                {
                    "name": column,
                    "type": self.type,
                    "results": values,
                    "hideable": source_and_config["source"] != "metadata",
                    "toggle_url": path_with_removed_args(self.request, {"_facet_month": column}),
                    "truncated": len(rows.rows) > size,
                }
            )
        return results, timed_out


@hookimpl  # type: ignore[misc]
def register_facet_classes() -> list[type[Facet]]:
    return [MonthFacet]
