//! `dyad query`: select events from the store, or aggregate them by period and actor or dyad.

use std::io::{IsTerminal, Write};

use dyad_store::export::{aggregate_json, event_json, write_csv_header, write_csv_row};
use dyad_store::{AggregateRow, Group, Storage, query};

use crate::ExitStatus;
use crate::output::{stdout, write_json_line};
use crate::store::{FilterArgs, StoreArgs};

/// Select events from the store, or aggregate them (`--by`, `--group`).
///
/// Without `--by` or `--group`, prints the events that pass the filters. With them, prints
/// one row per period and/or actor or dyad: events (deduplicated), mentions, Goldstein sum and
/// mean, and events per quad class. Day and week need day-precision dates, month needs at least
/// a month. Output: a table on a terminal, else JSON Lines; `--json` or `--csv` choose.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  dyad query --dyad RUS,PSE --from 2020-01-01 --to 2020-12-31 --by week\n  \
                        dyad query --group actor --limit 20\n  dyad query --text \"cease-fire\" --json"
)]
pub struct Args {
    #[command(flatten)]
    filter: FilterArgs,
    /// Aggregate by period.
    #[arg(long, value_name = "PERIOD", value_parser = ["day", "week", "month", "year"])]
    by: Option<String>,
    /// Aggregate by actor (an event counts for its source and its target) or by dyad.
    #[arg(long, value_name = "GROUP", value_parser = ["actor", "dyad"])]
    group: Option<String>,
    /// At most N events, or N aggregate rows (most events first when grouped without --by).
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// JSON Lines output.
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// CSV output with a header line.
    #[arg(long)]
    csv: bool,
    #[command(flatten)]
    store: StoreArgs,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Table,
    Json,
    Csv,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let format = if args.json {
        Format::Json
    } else if args.csv {
        Format::Csv
    } else if std::io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Json
    };
    let store = args.store.open_existing()?;
    let filter = args.filter.filter(args.limit);
    let period = args.by.as_deref().and_then(query::parse_period);
    let group = args.group.as_deref().and_then(query::parse_group);
    let mut out = stdout();
    if period.is_some() || group.is_some() {
        let rows = store.aggregate(&filter, period, group)?;
        write_rows(&mut out, &rows, format, group)?;
    } else {
        let mut table = Vec::new();
        if format == Format::Csv {
            write_csv_header(&mut out)?;
        }
        store.events(&filter, format == Format::Json, &mut |event| {
            match format {
                Format::Json => write_json_line(&mut out, &event_json(&event))?,
                Format::Csv => write_csv_row(&mut out, &event)?,
                Format::Table => {
                    let e = &event.event;
                    table.push(vec![
                        event.id.to_string(),
                        e.date.map(|d| d.to_string()).unwrap_or_default(),
                        e.source.code.clone(),
                        e.target.as_ref().map(|t| t.code.clone()).unwrap_or_default(),
                        e.code.clone(),
                        e.quad_class.map(|q| q.to_string()).unwrap_or_default(),
                        e.goldstein.map(|g| g.to_string()).unwrap_or_default(),
                        event.mention_count.to_string(),
                        event.source_count.to_string(),
                        e.sentence_text.chars().take(60).collect(),
                    ]);
                }
            }
            Ok(())
        })?;
        if format == Format::Table {
            let header = [
                "id",
                "date",
                "source",
                "target",
                "code",
                "quad",
                "goldstein",
                "mentions",
                "sources",
                "sentence",
            ];
            write_table(&mut out, &header, &table)?;
        }
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}

fn write_rows(
    out: &mut impl Write,
    rows: &[AggregateRow],
    format: Format,
    group: Option<Group>,
) -> anyhow::Result<()> {
    let key_names: &[&str] = match group {
        None => &[],
        Some(Group::Actor) => &["actor"],
        Some(Group::Dyad) => &["source", "target"],
    };
    let cells = |row: &AggregateRow| -> Vec<String> {
        let mut cells = vec![row.period.clone().unwrap_or_default()];
        cells.extend(
            [row.actor.clone(), row.target.clone()]
                .into_iter()
                .take(key_names.len())
                .map(Option::unwrap_or_default),
        );
        cells.extend([
            row.events.to_string(),
            row.mentions.to_string(),
            format!("{:.1}", row.goldstein_sum),
            row.goldstein_mean.map(|m| format!("{m:.2}")).unwrap_or_default(),
        ]);
        cells.extend(row.quad.iter().map(u64::to_string));
        cells
    };
    let mut header = vec!["period"];
    header.extend(key_names);
    header.extend([
        "events",
        "mentions",
        "goldstein_sum",
        "goldstein_mean",
        "quad1",
        "quad2",
        "quad3",
        "quad4",
    ]);
    match format {
        Format::Json => {
            for row in rows {
                write_json_line(out, &aggregate_json(row, group))?;
            }
        }
        Format::Csv => {
            writeln!(out, "{}", header.join(","))?;
            for row in rows {
                let quoted: Vec<String> = cells(row)
                    .into_iter()
                    .map(|c| {
                        if c.contains([',', '"']) {
                            format!("\"{}\"", c.replace('"', "\"\""))
                        } else {
                            c
                        }
                    })
                    .collect();
                writeln!(out, "{}", quoted.join(","))?;
            }
        }
        Format::Table => {
            let table: Vec<Vec<String>> = rows.iter().map(cells).collect();
            write_table(out, &header, &table)?;
        }
    }
    Ok(())
}

fn write_table(out: &mut impl Write, header: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    for row in std::iter::once(&header).chain(rows) {
        let padded: Vec<String> =
            row.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
        writeln!(out, "{}", padded.join("  ").trim_end())?;
    }
    Ok(())
}
