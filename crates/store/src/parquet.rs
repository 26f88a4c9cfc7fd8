//! A minimal Parquet writer, dependency-free: one row group, one uncompressed PLAIN data page
//! per column, every column OPTIONAL, footer in Thrift's compact protocol. That is the subset
//! every reader (DuckDB, Polars, pandas/pyarrow, R arrow, Spark) accepts; it trades file size
//! (no compression, no dictionary encoding) for not building the `parquet` crate's tree.
//!
//! [`write_partitioned`] lays events out Hive-style, `year=YYYY/month=MM/part-N.parquet`, with
//! `__HIVE_DEFAULT_PARTITION__` (readers take it as null) for undated events and year-only dates.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use dyad_model::PartialDate;

use crate::StoredEvent;

/// One column's values; `None` is null.
#[derive(Clone, Debug, PartialEq)]
pub enum Values {
    /// 64-bit integers.
    Int64(Vec<Option<i64>>),
    /// 32-bit integers.
    Int32(Vec<Option<i32>>),
    /// Dates, as days since 1970-01-01 (Parquet DATE).
    Date(Vec<Option<i32>>),
    /// Doubles.
    Double(Vec<Option<f64>>),
    /// Booleans.
    Bool(Vec<Option<bool>>),
    /// UTF-8 strings.
    Text(Vec<Option<String>>),
}

impl Values {
    fn len(&self) -> usize {
        match self {
            Values::Int64(v) => v.len(),
            Values::Int32(v) | Values::Date(v) => v.len(),
            Values::Double(v) => v.len(),
            Values::Bool(v) => v.len(),
            Values::Text(v) => v.len(),
        }
    }

    /// (physical type, converted type) codes of the Parquet format.
    fn types(&self) -> (i32, Option<i32>) {
        match self {
            Values::Bool(_) => (0, None),
            Values::Int32(_) => (1, None),
            Values::Date(_) => (1, Some(6)),
            Values::Int64(_) => (2, None),
            Values::Double(_) => (5, None),
            Values::Text(_) => (6, Some(0)),
        }
    }

    /// Definition levels (1 present, 0 null) and the PLAIN encoding of the present values.
    fn encode(&self) -> (Vec<bool>, Vec<u8>) {
        let mut data = Vec::new();
        let present: Vec<bool> = match self {
            Values::Int64(v) => {
                v.iter().map(|x| x.inspect(|x| data.extend(x.to_le_bytes())).is_some()).collect()
            }
            Values::Int32(v) | Values::Date(v) => {
                v.iter().map(|x| x.inspect(|x| data.extend(x.to_le_bytes())).is_some()).collect()
            }
            Values::Double(v) => {
                v.iter().map(|x| x.inspect(|x| data.extend(x.to_le_bytes())).is_some()).collect()
            }
            Values::Text(v) => v
                .iter()
                .map(|x| {
                    x.as_ref()
                        .inspect(|s| {
                            data.extend((s.len() as u32).to_le_bytes());
                            data.extend(s.as_bytes());
                        })
                        .is_some()
                })
                .collect(),
            Values::Bool(v) => {
                let bits: Vec<bool> = v.iter().flatten().copied().collect();
                for chunk in bits.chunks(8) {
                    data.push(
                        chunk
                            .iter()
                            .enumerate()
                            .fold(0u8, |byte, (i, &b)| byte | (u8::from(b) << i)),
                    );
                }
                v.iter().map(Option::is_some).collect()
            }
        };
        (present, data)
    }
}

/// Thrift compact protocol, the subset the Parquet footer needs.
#[derive(Default)]
struct Thrift {
    out: Vec<u8>,
    last_field: Vec<i16>,
    current: i16,
}

const T_I32: u8 = 5;
const T_I64: u8 = 6;
const T_BINARY: u8 = 8;
const T_LIST: u8 = 9;
const T_STRUCT: u8 = 12;

impl Thrift {
    fn varint(&mut self, mut value: u64) {
        loop {
            let byte = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                self.out.push(byte);
                return;
            }
            self.out.push(byte | 0x80);
        }
    }

    fn zigzag(&mut self, value: i64) {
        self.varint(((value << 1) ^ (value >> 63)) as u64);
    }

    fn field(&mut self, id: i16, kind: u8) {
        let delta = id - self.current;
        if (1..=15).contains(&delta) {
            self.out.push(((delta as u8) << 4) | kind);
        } else {
            self.out.push(kind);
            self.zigzag(i64::from(id));
        }
        self.current = id;
    }

    fn i32(&mut self, id: i16, value: i32) {
        self.field(id, T_I32);
        self.zigzag(i64::from(value));
    }

    fn i64(&mut self, id: i16, value: i64) {
        self.field(id, T_I64);
        self.zigzag(value);
    }

    fn string(&mut self, id: i16, value: &str) {
        self.field(id, T_BINARY);
        self.varint(value.len() as u64);
        self.out.extend(value.as_bytes());
    }

    fn list(&mut self, id: i16, kind: u8, size: usize) {
        self.field(id, T_LIST);
        if size < 15 {
            self.out.push(((size as u8) << 4) | kind);
        } else {
            self.out.push(0xf0 | kind);
            self.varint(size as u64);
        }
    }

    /// Starts a struct: a field of the enclosing struct (`Some(id)`) or a list element (`None`).
    fn begin(&mut self, id: Option<i16>) {
        if let Some(id) = id {
            self.field(id, T_STRUCT);
        }
        self.last_field.push(self.current);
        self.current = 0;
    }

    fn end(&mut self) {
        self.out.push(0);
        self.current = self.last_field.pop().unwrap_or(0);
    }
}

/// Definition levels of bit width 1 as RLE runs, with the 4-byte length prefix of V1 pages.
fn definition_levels(present: &[bool]) -> Vec<u8> {
    let mut runs = Thrift::default();
    let mut i = 0;
    while i < present.len() {
        let value = present[i];
        let run = present[i..].iter().take_while(|&&p| p == value).count();
        runs.varint((run as u64) << 1);
        runs.out.push(u8::from(value));
        i += run;
    }
    let mut out = (runs.out.len() as u32).to_le_bytes().to_vec();
    out.extend(runs.out);
    out
}

/// Writes one Parquet file holding `columns` (all of the same length).
pub fn write_file(out: &mut impl Write, columns: &[(&str, Values)]) -> io::Result<()> {
    let rows = columns.first().map_or(0, |(_, v)| v.len());
    if columns.iter().any(|(_, v)| v.len() != rows) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "parquet columns differ in length",
        ));
    }
    out.write_all(b"PAR1")?;
    let mut offset = 4i64;
    let mut chunks = Vec::new();
    for (_, values) in columns {
        let (present, data) = values.encode();
        let mut body = definition_levels(&present);
        body.extend(data);
        let mut header = Thrift::default();
        header.i32(1, 0); // DATA_PAGE
        header.i32(2, body.len() as i32);
        header.i32(3, body.len() as i32);
        header.begin(Some(5));
        header.i32(1, rows as i32);
        header.i32(2, 0); // PLAIN
        header.i32(3, 3); // RLE definition levels
        header.i32(4, 3); // RLE repetition levels (none written: max level 0)
        header.end();
        header.out.push(0);
        out.write_all(&header.out)?;
        out.write_all(&body)?;
        let size = (header.out.len() + body.len()) as i64;
        chunks.push((offset, size));
        offset += size;
    }
    let mut meta = Thrift::default();
    meta.i32(1, 1);
    meta.list(2, T_STRUCT, columns.len() + 1);
    meta.begin(None);
    meta.string(4, "schema");
    meta.i32(5, columns.len() as i32);
    meta.end();
    for (name, values) in columns {
        let (physical, converted) = values.types();
        meta.begin(None);
        meta.i32(1, physical);
        meta.i32(3, 1); // OPTIONAL
        meta.string(4, name);
        if let Some(converted) = converted {
            meta.i32(6, converted);
        }
        meta.end();
    }
    meta.i64(3, rows as i64);
    meta.list(4, T_STRUCT, 1);
    meta.begin(None);
    meta.list(1, T_STRUCT, columns.len());
    for ((name, values), (page_offset, size)) in columns.iter().zip(&chunks) {
        meta.begin(None);
        meta.i64(2, *page_offset);
        meta.begin(Some(3));
        meta.i32(1, values.types().0);
        meta.list(2, T_I32, 2);
        meta.zigzag(0); // PLAIN
        meta.zigzag(3); // RLE
        meta.list(3, T_BINARY, 1);
        meta.varint(name.len() as u64);
        meta.out.extend(name.as_bytes());
        meta.i32(4, 0); // UNCOMPRESSED
        meta.i64(5, rows as i64);
        meta.i64(6, *size);
        meta.i64(7, *size);
        meta.i64(9, *page_offset);
        meta.end();
        meta.end();
    }
    meta.i64(2, offset - 4);
    meta.i64(3, rows as i64);
    meta.end();
    meta.string(6, "dyad");
    meta.out.push(0);
    out.write_all(&meta.out)?;
    out.write_all(&(meta.out.len() as u32).to_le_bytes())?;
    out.write_all(b"PAR1")
}

/// The columns of the event table, as in the CSV export.
fn event_columns(events: &[StoredEvent]) -> Vec<(&'static str, Values)> {
    let text =
        |f: &dyn Fn(&StoredEvent) -> Option<String>| Values::Text(events.iter().map(f).collect());
    let int = |f: &dyn Fn(&StoredEvent) -> i64| {
        Values::Int64(events.iter().map(|e| Some(f(e))).collect())
    };
    let date = |f: &dyn Fn(&StoredEvent) -> Option<dyad_model::Date>| {
        Values::Date(events.iter().map(|e| f(e).map(|d| d.to_days() as i32)).collect())
    };
    let real =
        |f: &dyn Fn(&StoredEvent) -> Option<f64>| Values::Double(events.iter().map(f).collect());
    vec![
        ("event_id", int(&|e| e.id)),
        ("run", int(&|e| e.run)),
        ("date", text(&|e| e.event.date.map(|d| d.to_string()))),
        ("source_code", text(&|e| Some(e.event.source.code.clone()))),
        ("source_text", text(&|e| Some(e.event.source.text.clone()))),
        ("target_code", text(&|e| e.event.target.as_ref().map(|t| t.code.clone()))),
        ("target_text", text(&|e| e.event.target.as_ref().map(|t| t.text.clone()))),
        ("code", text(&|e| Some(e.event.code.clone()))),
        ("root", text(&|e| Some(e.event.root.clone()))),
        (
            "quad_class",
            Values::Int32(events.iter().map(|e| e.event.quad_class.map(i32::from)).collect()),
        ),
        ("goldstein", real(&|e| e.event.goldstein)),
        ("plover", text(&|e| e.event.plover.clone())),
        ("negated", Values::Bool(events.iter().map(|e| Some(e.event.negated)).collect())),
        ("location_name", text(&|e| e.event.location.as_ref().map(|l| l.name.clone()))),
        ("location_country", text(&|e| e.event.location.as_ref().and_then(|l| l.country.clone()))),
        ("lat", real(&|e| e.event.location.as_ref().and_then(|l| l.lat))),
        ("lon", real(&|e| e.event.location.as_ref().and_then(|l| l.lon))),
        ("location_precision", text(&|e| e.event.location.as_ref().map(|l| l.precision.clone()))),
        ("mention_count", int(&|e| e.mention_count as i64)),
        ("source_count", int(&|e| e.source_count as i64)),
        ("article_count", int(&|e| e.article_count as i64)),
        ("first_report", date(&|e| e.first_report)),
        ("latest_report", date(&|e| e.latest_report)),
        ("article_id", text(&|e| Some(e.event.article_id.clone()))),
        ("sentence", int(&|e| e.event.sentence as i64)),
    ]
}

const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

/// The partition folder of an event: `year=YYYY/month=MM`.
fn partition(stored: &StoredEvent) -> PathBuf {
    let (year, month) = match stored.event.date {
        Some(PartialDate::Day(d)) => (format!("{:04}", d.year), format!("{:02}", d.month)),
        Some(PartialDate::Month(y, m)) => (format!("{y:04}"), format!("{m:02}")),
        Some(PartialDate::Year(y)) => (format!("{y:04}"), NULL_PARTITION.to_string()),
        None => (NULL_PARTITION.to_string(), NULL_PARTITION.to_string()),
    };
    PathBuf::from(format!("year={year}")).join(format!("month={month}"))
}

/// Collects events and writes them under `root` partitioned by year and month, a file per
/// `rows_per_file` events of a partition (`part-0.parquet`, `part-1.parquet`, ...).
pub struct PartitionedWriter {
    root: PathBuf,
    rows_per_file: usize,
    pending: BTreeMap<PathBuf, (usize, Vec<StoredEvent>)>,
    files: usize,
}

impl PartitionedWriter {
    /// A writer into `root` (created if needed).
    pub fn new(root: &Path, rows_per_file: usize) -> PartitionedWriter {
        PartitionedWriter {
            root: root.to_path_buf(),
            rows_per_file: rows_per_file.max(1),
            pending: BTreeMap::new(),
            files: 0,
        }
    }

    /// Adds an event (without its mentions: the table has one row per event).
    pub fn push(&mut self, mut stored: StoredEvent) -> io::Result<()> {
        stored.mentions = Vec::new();
        let key = partition(&stored);
        let entry = self.pending.entry(key.clone()).or_default();
        entry.1.push(stored);
        if entry.1.len() >= self.rows_per_file {
            let (part, events) = std::mem::take(entry);
            entry.0 = part + 1;
            self.write(&key, part, &events)?;
        }
        Ok(())
    }

    fn write(&mut self, key: &Path, part: usize, events: &[StoredEvent]) -> io::Result<()> {
        let folder = self.root.join(key);
        std::fs::create_dir_all(&folder)?;
        let file = std::fs::File::create(folder.join(format!("part-{part}.parquet")))?;
        let mut out = io::BufWriter::new(file);
        write_file(&mut out, &event_columns(events))?;
        out.flush()?;
        self.files += 1;
        Ok(())
    }

    /// Writes what is left; returns the number of files written.
    pub fn finish(mut self) -> io::Result<usize> {
        for (key, (part, events)) in std::mem::take(&mut self.pending) {
            if !events.is_empty() {
                self.write(&key, part, &events)?;
            }
        }
        Ok(self.files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_protocol_encodings() {
        let mut t = Thrift::default();
        t.i32(1, -1);
        t.i64(3, 300);
        t.string(20, "ab");
        assert_eq!(t.out, vec![0x15, 0x01, 0x26, 0xd8, 0x04, 0x08, 0x28, 0x02, b'a', b'b']);
    }

    #[test]
    fn definition_levels_are_rle_runs() {
        assert_eq!(definition_levels(&[true, true, true, false]), vec![4, 0, 0, 0, 6, 1, 2, 0]);
    }

    #[test]
    fn a_file_has_magic_at_both_ends_and_its_footer_length() {
        let mut out = Vec::new();
        let columns = [
            ("id", Values::Int64(vec![Some(1), None, Some(3)])),
            ("name", Values::Text(vec![Some("a".into()), Some("bc".into()), None])),
            ("flag", Values::Bool(vec![Some(true), Some(false), Some(true)])),
        ];
        write_file(&mut out, &columns).unwrap();
        assert_eq!(&out[..4], b"PAR1");
        assert_eq!(&out[out.len() - 4..], b"PAR1");
        let footer =
            u32::from_le_bytes(out[out.len() - 8..out.len() - 4].try_into().unwrap()) as usize;
        assert!(footer > 0 && footer < out.len() - 12);
        let footer_bytes = &out[out.len() - 8 - footer..out.len() - 8];
        assert!(footer_bytes.windows(4).any(|w| w == b"name"), "column names are in the footer");
        let ragged = [("a", Values::Int64(vec![Some(1)])), ("b", Values::Int64(vec![]))];
        assert!(write_file(&mut Vec::new(), &ragged).is_err());
    }
}
