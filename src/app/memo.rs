//! A per-process memo with a bound: values computed once per key and shared. For caches of
//! derived things with a handful of keys per install (parsed templates, rendered form
//! questions); the bound only guards against growth, so a full memo simply starts over.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

/// Values of type `V` by key `K`, at most `kept` of them.
pub struct Memo<K, V: ?Sized> {
    kept: usize,
    values: Mutex<HashMap<K, Arc<V>>>,
}

impl<K: Eq + Hash, V: ?Sized> Memo<K, V> {
    pub fn new(kept: usize) -> Self {
        Memo {
            kept,
            values: Mutex::new(HashMap::new()),
        }
    }

    /// The value kept under `key`, or `make`'s, kept now. An error is returned, not kept; a
    /// poisoned lock only costs the memo, never the value.
    pub fn get_or_try<E>(
        &self,
        key: K,
        make: impl FnOnce() -> Result<Arc<V>, E>,
    ) -> Result<Arc<V>, E> {
        if let Some(v) = self.values.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(v);
        }
        let v = make()?;
        if let Ok(mut m) = self.values.lock() {
            if m.len() >= self.kept {
                m.clear();
            }
            m.insert(key, v.clone());
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_made_once_errors_are_not_kept_and_a_full_memo_starts_over() {
        let memo: Memo<u32, str> = Memo::new(2);
        let made = std::cell::Cell::new(0);
        let make = |s: &str| {
            made.set(made.get() + 1);
            Ok::<_, ()>(Arc::from(s))
        };
        let a = memo.get_or_try(1, || make("a")).unwrap();
        assert!(Arc::ptr_eq(
            &a,
            &memo.get_or_try(1, || make("other")).unwrap()
        ));
        assert_eq!(made.get(), 1);
        assert!(memo.get_or_try(2, || Err::<Arc<str>, _>(())).is_err());
        assert_eq!(&*memo.get_or_try(2, || make("b")).unwrap(), "b");
        // Full (2 kept): the third key clears the memo, so key 1 is made again.
        memo.get_or_try(3, || make("c")).unwrap();
        assert_eq!(&*memo.get_or_try(1, || make("a2")).unwrap(), "a2");
        assert_eq!(made.get(), 4);
    }
}
