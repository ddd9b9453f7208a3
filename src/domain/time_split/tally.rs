//! From stored entries to hours per category per period.
//!
//! Calendar entries are credited by the overlap rule (`overlap`) across the whole set first,
//! then each entry's credited hours go to the period its start falls in. Manual weekly
//! hours (for weeks without a calendar) go to the period of the week's Monday.

use std::collections::BTreeMap;

use jiff::civil;
use jiff::Timestamp;

use super::expand::Window;
use super::overlap::credited_seconds;
use super::split::CategoryHours;
use super::Category;

/// One classified calendar entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable key of the occurrence (UID and original start).
    pub key: String,
    /// Start.
    pub start: Timestamp,
    /// End.
    pub end: Timestamp,
    /// Category after any override.
    pub category: Category,
}

/// Hours the CTO entered by hand for one week and category.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ManualHours {
    /// The Monday of the week.
    pub week: civil::Date,
    /// The category.
    pub category: Category,
    /// Hours (0–168).
    pub hours: f64,
}

/// Hours per category per period; `period_of` names the period of an instant (`None`
/// leaves it out).
pub fn hours_by<K: Ord + Clone>(
    entries: &[Entry],
    manual: &[ManualHours],
    period_of: impl Fn(Timestamp) -> Option<K>,
    period_of_day: impl Fn(civil::Date) -> Option<K>,
) -> BTreeMap<K, CategoryHours> {
    let spans: Vec<(i64, i64)> = entries
        .iter()
        .map(|e| (e.start.as_second(), e.end.as_second()))
        .collect();
    let credit = credited_seconds(&spans);
    let mut out: BTreeMap<K, CategoryHours> = BTreeMap::new();
    for (e, secs) in entries.iter().zip(credit) {
        if let Some(k) = period_of(e.start) {
            out.entry(k).or_default().add(e.category, secs / 3600.0);
        }
    }
    for m in manual {
        if let Some(k) = period_of_day(m.week) {
            out.entry(k).or_default().add(m.category, m.hours);
        }
    }
    out
}

/// What storage holds after importing `new` over `window`: every stored entry that starts
/// inside the window is replaced, everything else stays. The database does the same
/// (`db::time_split::replace_window`); this is the rule its tests check against.
pub fn replace_window(stored: &[Entry], window: &Window, new: &[Entry]) -> Vec<Entry> {
    let mut out: Vec<Entry> = stored
        .iter()
        .filter(|e| !window.contains(e.start))
        .cloned()
        .chain(new.iter().filter(|e| window.contains(e.start)).cloned())
        .collect();
    out.sort_by(|a, b| (a.start, &a.key).cmp(&(b.start, &b.key)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn e(key: &str, start: i64, len: i64, c: Category) -> Entry {
        Entry {
            key: key.into(),
            start: Timestamp::from_second(start).unwrap(),
            end: Timestamp::from_second(start + len).unwrap(),
            category: c,
        }
    }

    #[test]
    fn overlapping_entries_are_credited_before_they_are_bucketed() {
        // Sales 0–2 h and engineering 1–2 h overlap for an hour: sales 1 + 0.5 = 1.5 h,
        // engineering 0.5 h; one manual week adds 3 h of marketing. One bucket.
        let entries = [
            e("a", 0, 7200, Category::Sales),
            e("b", 3600, 3600, Category::InternalEngineering),
        ];
        let manual = [ManualHours {
            week: civil::date(1970, 1, 5),
            category: Category::Marketing,
            hours: 3.0,
        }];
        let by = hours_by(&entries, &manual, |_| Some(()), |_| Some(()));
        let h = &by[&()];
        assert_eq!(h.get(Category::Sales), 1.5);
        assert_eq!(h.get(Category::InternalEngineering), 0.5);
        assert_eq!(h.get(Category::Marketing), 3.0);
    }

    fn entries() -> impl Strategy<Value = Vec<Entry>> {
        proptest::collection::vec((0i64..1_000_000, 0i64..20_000, 0usize..7), 0..40).prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, (s, l, c))| e(&format!("k{i}"), s, l, Category::ALL[c]))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn re_importing_the_same_file_changes_nothing(
            before in entries(), file in entries(), from in 0i64..500_000, len in 0i64..600_000
        ) {
            let w = Window {
                from: Timestamp::from_second(from).unwrap(),
                to: Timestamp::from_second(from + len).unwrap(),
            };
            let once = replace_window(&before, &w, &file);
            let twice = replace_window(&once, &w, &file);
            prop_assert_eq!(&once, &twice);
            // Nothing outside the window moved.
            let outside = |v: &[Entry]| v.iter().filter(|e| !w.contains(e.start)).cloned().collect::<Vec<_>>();
            let mut kept = outside(&before);
            kept.sort_by(|a, b| (a.start, &a.key).cmp(&(b.start, &b.key)));
            prop_assert_eq!(outside(&once), kept);
        }

        #[test]
        fn credited_hours_never_exceed_wall_time(entries in entries()) {
            let by = hours_by(&entries, &[], |_| Some(()), |_| None::<()>);
            let total: f64 = by.values().flat_map(|h| h.0.values()).sum();
            let spans: Vec<(i64, i64)> = entries.iter().map(|e| (e.start.as_second(), e.end.as_second())).collect();
            let wall = super::super::overlap::wall_seconds(&spans) as f64 / 3600.0;
            prop_assert!(total <= wall + 1e-9, "{total} > {wall}");
        }
    }
}
