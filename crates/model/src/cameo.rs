//! CAMEO event-code metadata: name, root, quad class, Goldstein score and PLOVER type of each
//! code, from one pinned table (`data/cameo-events.tsv`, whose header names its sources).

use std::sync::LazyLock;

/// The table, embedded at build time.
const TABLE_TEXT: &str = include_str!("../data/cameo-events.tsv");

/// Version of the table (its header line says which); events may record it.
pub const CAMEO_TABLE_VERSION: &str = "cameo-events 1";

/// What dyad knows about one CAMEO event code.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    /// The code (`"036"`, `"0874"`, roots `"03"`).
    pub code: &'static str,
    /// The two-digit root.
    pub root: &'static str,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
    /// conflict.
    pub quad_class: u8,
    /// Goldstein score, -10 (most conflictual) to +10 (most cooperative).
    pub goldstein: f64,
    /// PLOVER event type (`CONSULT`), `None` where PLOVER drops the code (roots 01 and 02).
    pub plover: Option<&'static str>,
    /// Short name (`Make a visit`).
    pub name: &'static str,
}

static TABLE: LazyLock<Vec<CameoCode>> = LazyLock::new(|| parse_table(TABLE_TEXT));

/// Reads the table format: `#` comment lines, then tab-separated
/// `code root quad goldstein plover name`. Malformed lines are skipped (the table ships with the
/// binary and a unit test checks every line reads).
fn parse_table(text: &'static str) -> Vec<CameoCode> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let fields: Vec<&'static str> = line.split('\t').collect();
            let [code, root, quad, goldstein, plover, name] = fields.as_slice() else {
                return None;
            };
            Some(CameoCode {
                code,
                root,
                quad_class: quad.parse().ok()?,
                goldstein: goldstein.parse().ok()?,
                plover: (*plover != "-").then_some(*plover),
                name,
            })
        })
        .collect()
}

/// Every code of the table, in code order.
pub fn table() -> &'static [CameoCode] {
    &TABLE
}

/// The entry of exactly this code.
pub fn lookup(code: &str) -> Option<&'static CameoCode> {
    TABLE.iter().find(|entry| entry.code == code)
}

/// The entry of this code or, failing that, of its nearest listed parent (`"0361"` -> `"036"`,
/// `"174K"` -> `"174"`): dictionaries carry sub-codes that the CAMEO manual does not list.
pub fn lookup_nearest(code: &str) -> Option<&'static CameoCode> {
    let mut prefix = code;
    while prefix.len() >= 2 {
        if let Some(entry) = lookup(prefix) {
            return Some(entry);
        }
        let mut end = prefix.len() - 1;
        while !prefix.is_char_boundary(end) {
            end -= 1;
        }
        prefix = &prefix[..end];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_table_reads() {
        let data_lines = TABLE_TEXT
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .count();
        assert_eq!(table().len(), data_lines);
        assert_eq!(table().len(), 311, "the 20 roots and 291 CAMEO 1.1b3 codes");
    }

    #[test]
    fn codes_carry_root_quad_goldstein_and_plover() {
        let visit = lookup("042").unwrap();
        assert_eq!((visit.root, visit.quad_class, visit.goldstein), ("04", 1, 1.9));
        assert_eq!(visit.plover, Some("CONSULT"));
        assert_eq!(visit.name, "Make a visit");
        let surrender = lookup("0874").unwrap();
        assert_eq!((surrender.quad_class, surrender.goldstein), (2, 10.0));
        assert_eq!(surrender.plover, Some("RETREAT"));
        assert_eq!(lookup("163").unwrap().plover, Some("COERCE"));
        assert_eq!(lookup("1712").unwrap().plover, Some("ASSAULT"));
        assert_eq!(lookup("010").unwrap().plover, None);
        assert_eq!(lookup("19").unwrap().quad_class, 4);
        assert!(lookup("174K").is_none());
    }

    #[test]
    fn every_code_is_consistent_with_its_root() {
        for entry in table() {
            assert!(entry.code.starts_with(entry.root), "{}", entry.code);
            assert!((-10.0..=10.0).contains(&entry.goldstein), "{}", entry.code);
            assert!(lookup(entry.root).is_some(), "root of {} is listed", entry.code);
            let root: u8 = entry.root.parse().unwrap();
            let quad = match root {
                1..=5 => 1,
                6..=8 => 2,
                9..=13 => 3,
                _ => 4,
            };
            assert_eq!(entry.quad_class, quad, "{}", entry.code);
        }
    }

    #[test]
    fn nearest_parent_for_unlisted_sub_codes() {
        assert_eq!(lookup_nearest("174K").unwrap().code, "174");
        assert_eq!(lookup_nearest("0361").unwrap().code, "036");
        assert_eq!(lookup_nearest("0874").unwrap().code, "0874");
        assert!(lookup_nearest("9").is_none());
        assert!(lookup_nearest("---").is_none());
    }
}
