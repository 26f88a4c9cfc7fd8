//! Deduplication: which stored event, if any, a newly coded report repeats. Pure logic.
//!
//! Two reports are the same event when they agree on source code, target code, event code and
//! negation, and their dates are within the window: day dates at most `window_days` apart,
//! month or year dates equal, undated reports only with undated events. Negation is part of the
//! key because "Russia did not attack" must never be counted as an attack. Reports of one event
//! from the same article merge too (a headline and its body); the source count, which counts
//! distinct outlets, keeps repeated reporting from inflating the event.

use dyad_model::{Event, PartialDate};

/// How far apart two reports' dates may be and still describe one event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DedupConfig {
    /// Largest difference in days between two day-precision dates of one event; 0 = same day.
    pub window_days: u32,
}

impl Default for DedupConfig {
    fn default() -> DedupConfig {
        DedupConfig { window_days: 1 }
    }
}

/// The fields on which two reports must agree exactly to be one event.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DedupKey {
    /// Source actor code.
    pub source: String,
    /// Target actor code, if any.
    pub target: Option<String>,
    /// CAMEO event code.
    pub code: String,
    /// Whether the report denies the action.
    pub negated: bool,
}

impl DedupKey {
    /// The key of a coded event.
    pub fn of(event: &Event) -> DedupKey {
        DedupKey {
            source: event.source.code.clone(),
            target: event.target.as_ref().map(|t| t.code.clone()),
            code: event.code.clone(),
            negated: event.negated,
        }
    }
}

/// A stored event with the same key as a new report: its id and date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    /// The stored event's id.
    pub id: i64,
    /// The stored event's date.
    pub date: Option<PartialDate>,
}

/// Days since 1970-01-01 of the first day a date covers, and whether it is a day date.
pub fn first_day(date: PartialDate) -> (i64, bool) {
    match date {
        PartialDate::Day(day) => (day.to_days(), true),
        PartialDate::Month(year, month) => (month_start(year, month), false),
        PartialDate::Year(year) => (month_start(year, 1), false),
    }
}

fn month_start(year: i32, month: u8) -> i64 {
    dyad_model::Date::new(year, month.clamp(1, 12), 1).map(|d| d.to_days()).unwrap_or(0)
}

/// True when a report dated `report` can be a repeat of an event dated `stored`.
pub fn dates_match(
    report: Option<PartialDate>,
    stored: Option<PartialDate>,
    window_days: u32,
) -> bool {
    match (report, stored) {
        (Some(PartialDate::Day(a)), Some(PartialDate::Day(b))) => {
            (a.to_days() - b.to_days()).abs() <= i64::from(window_days)
        }
        (a, b) => a == b,
    }
}

/// The stored event a report repeats: among candidates with the report's key, the one whose
/// date is nearest (ties to the oldest id, so the choice does not depend on scan order).
pub fn choose(
    report: Option<PartialDate>,
    candidates: &[Candidate],
    config: DedupConfig,
) -> Option<i64> {
    let distance = |c: &Candidate| match (report, c.date) {
        (Some(PartialDate::Day(a)), Some(PartialDate::Day(b))) => (a.to_days() - b.to_days()).abs(),
        _ => 0,
    };
    candidates
        .iter()
        .filter(|c| dates_match(report, c.date, config.window_days))
        .min_by_key(|c| (distance(c), c.id))
        .map(|c| c.id)
}

/// The day-number range a store must search for candidates of a report dated `report`:
/// `None` means "only events with exactly this (non-day or missing) date".
pub fn candidate_days(report: Option<PartialDate>, config: DedupConfig) -> Option<(i64, i64)> {
    match report {
        Some(PartialDate::Day(day)) => {
            let d = day.to_days();
            Some((d - i64::from(config.window_days), d + i64::from(config.window_days)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::Date;

    fn day(d: u8) -> Option<PartialDate> {
        Some(PartialDate::Day(Date::new(2020, 9, d).unwrap()))
    }

    #[test]
    fn nearest_candidate_within_the_window_wins() {
        let config = DedupConfig { window_days: 2 };
        let candidates = [
            Candidate { id: 1, date: day(1) },
            Candidate { id: 2, date: day(5) },
            Candidate { id: 3, date: day(9) },
        ];
        assert_eq!(choose(day(4), &candidates, config), Some(2));
        assert_eq!(choose(day(3), &candidates, config), Some(1), "tie goes to the oldest");
        assert_eq!(choose(day(7), &candidates, config), Some(2));
        assert_eq!(choose(day(12), &candidates, config), None, "outside every window");
        assert_eq!(choose(day(5), &candidates, DedupConfig { window_days: 0 }), Some(2));
        assert_eq!(choose(day(6), &candidates, DedupConfig { window_days: 0 }), None);
    }

    #[test]
    fn partial_and_missing_dates_match_only_themselves() {
        let config = DedupConfig { window_days: 30 };
        let month = Some(PartialDate::Month(2020, 9));
        let candidates = [
            Candidate { id: 1, date: month },
            Candidate { id: 2, date: None },
            Candidate { id: 3, date: day(1) },
        ];
        assert_eq!(choose(month, &candidates, config), Some(1));
        assert_eq!(choose(None, &candidates, config), Some(2));
        assert_eq!(choose(Some(PartialDate::Year(2020)), &candidates, config), None);
        assert_eq!(candidate_days(month, config), None);
        let d = Date::new(2020, 9, 10).unwrap().to_days();
        assert_eq!(candidate_days(day(10), config), Some((d - 30, d + 30)));
    }

    #[test]
    fn first_day_of_partial_dates() {
        let sept = Date::new(2020, 9, 1).unwrap().to_days();
        assert_eq!(first_day(PartialDate::Month(2020, 9)), (sept, false));
        assert_eq!(first_day(PartialDate::Day(Date::new(2020, 9, 1).unwrap())), (sept, true));
        assert_eq!(first_day(PartialDate::Year(1970)), (0, false));
    }
}
