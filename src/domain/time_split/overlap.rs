//! Overlapping events never count more than wall-clock time.
//!
//! The rule: while k counted events overlap, each is credited 1/k of that stretch of time.
//! So two overlapping one-hour meetings that share half an hour count 0.5 h + 0.25 h each
//! (1.5 h of wall time in all), and the hours of all events together are exactly the length
//! of the union of their spans. No event is preferred: the calendar does not say which of
//! two double-booked meetings the CTO attended.

/// Seconds credited to each span `[start, end)` (in the input order), given as unix seconds.
/// Empty and reversed spans get zero.
pub fn credited_seconds(spans: &[(i64, i64)]) -> Vec<f64> {
    let mut credit = vec![0.0; spans.len()];
    // Boundaries: (time, is_start, index); ends sort before starts at the same time so
    // back-to-back meetings do not overlap.
    let mut edges: Vec<(i64, bool, usize)> = Vec::with_capacity(spans.len() * 2);
    for (i, &(s, e)) in spans.iter().enumerate() {
        if e > s {
            edges.push((s, true, i));
            edges.push((e, false, i));
        }
    }
    edges.sort_unstable();
    let mut active: Vec<usize> = Vec::new();
    let mut last = i64::MIN;
    for (t, is_start, i) in edges {
        if !active.is_empty() && t > last {
            let share = (t - last) as f64 / active.len() as f64;
            for &a in &active {
                credit[a] += share;
            }
        }
        last = t;
        if is_start {
            active.push(i);
        } else if let Some(pos) = active.iter().position(|&a| a == i) {
            active.swap_remove(pos);
        }
    }
    credit
}

/// Length of the union of the spans, in seconds: the wall time the credits add up to.
pub fn wall_seconds(spans: &[(i64, i64)]) -> i64 {
    let mut v: Vec<(i64, i64)> = spans.iter().copied().filter(|(s, e)| e > s).collect();
    v.sort_unstable();
    let mut total = 0;
    let mut cur: Option<(i64, i64)> = None;
    for (s, e) in v {
        cur = match cur {
            Some((cs, ce)) if s <= ce => Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += ce - cs;
                Some((s, e))
            }
            None => Some((s, e)),
        };
    }
    if let Some((cs, ce)) = cur {
        total += ce - cs;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const H: i64 = 3600;

    #[test]
    fn two_meetings_sharing_half_an_hour_split_it() {
        // A 09:00–10:00, B 09:30–10:30: 09:00–09:30 A alone (1800 s), 09:30–10:00 shared
        // (900 s each), 10:00–10:30 B alone (1800 s). A = 2700 s, B = 2700 s, sum 5400 s = 1.5 h.
        let c = credited_seconds(&[(9 * H, 10 * H), (9 * H + H / 2, 10 * H + H / 2)]);
        assert_eq!(c, vec![2700.0, 2700.0]);
    }

    #[test]
    fn a_meeting_inside_an_all_day_block_takes_half_of_its_hour() {
        // All-day 09:00–17:00 (8 h) and a 1 h meeting at 11:00: the hour is shared, so the
        // meeting gets 0.5 h and the day 7.5 h; together 8 h of wall time.
        let c = credited_seconds(&[(9 * H, 17 * H), (11 * H, 12 * H)]);
        assert_eq!(c, vec![7.5 * H as f64, 0.5 * H as f64]);
    }

    #[test]
    fn back_to_back_meetings_do_not_overlap() {
        let c = credited_seconds(&[(9 * H, 10 * H), (10 * H, 11 * H), (11 * H, 11 * H)]);
        assert_eq!(c, vec![H as f64, H as f64, 0.0]);
    }

    proptest! {
        #[test]
        fn credits_add_up_to_wall_time_and_each_stays_within_its_span(
            spans in proptest::collection::vec((0i64..100_000, 0i64..20_000), 0..60)
        ) {
            let spans: Vec<(i64, i64)> = spans.into_iter().map(|(s, len)| (s, s + len)).collect();
            let credit = credited_seconds(&spans);
            let total: f64 = credit.iter().sum();
            let wall = wall_seconds(&spans) as f64;
            prop_assert!((total - wall).abs() < 1e-6 * wall.max(1.0), "{total} vs {wall}");
            for (c, (s, e)) in credit.iter().zip(&spans) {
                prop_assert!(*c >= 0.0 && *c <= (e - s) as f64 + 1e-9);
            }
        }
    }
}
