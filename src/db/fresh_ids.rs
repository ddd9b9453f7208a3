//! Fresh row ids for the large batch writes (a launch's invitations and emails, a seal's
//! rewritten responses).

/// `n` fresh UUIDv7 ids (as text), in ascending order. Rows inserted in this order land at the
/// end of every index and of the table: a 100,000-row batch of random v4 ids, even sorted,
/// touches a different page of an index that holds every earlier round's rows for nearly each
/// row. The ids carry the moment they were made, which a batch's round records anyway, and
/// random low bits; what a row's position among them means is the caller's to decide (the
/// seal hands them out in a shuffled order).
pub fn ascending(n: usize) -> Vec<String> {
    let context = uuid::ContextV7::new();
    let mut ids: Vec<String> = (0..n)
        .map(|_| uuid::Uuid::new_v7(uuid::Timestamp::now(&context)).to_string())
        .collect();
    // The context already counts up within a millisecond; sorting makes "ascending" a
    // promise of this function rather than of the clock.
    ids.sort_unstable();
    ids
}

#[cfg(test)]
mod tests {
    use super::ascending;

    #[test]
    fn ids_are_fresh_v7_strictly_ascending_and_unique() {
        let ids = ascending(50_000);
        assert_eq!(ids.len(), 50_000);
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "strictly ascending");
        for id in ids.iter().step_by(997) {
            let parsed = uuid::Uuid::parse_str(id).unwrap();
            assert_eq!(parsed.get_version_num(), 7, "{id}");
        }
        // A second batch is made later: all of it sorts after the first.
        let later = ascending(10);
        assert!(later[0] > ids[ids.len() - 1]);
        assert!(ascending(0).is_empty());
    }
}
