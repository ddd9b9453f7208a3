//! What a pass of the outbox worker did.

use serde::Serialize;

pub(super) fn add_recorded(total: &mut Stats, done: Result<Stats, tokio::task::JoinError>) {
    match done {
        Ok(s) => total.add(&s),
        Err(e) => tracing::error!(error = %e, "outbox batch task failed"),
    }
}

/// What one pass did.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Stats {
    pub claimed: usize,
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
    pub cancelled: usize,
    /// Claims another worker took over before we recorded (lease expired).
    pub lost: usize,
}

impl Stats {
    fn add(&mut self, o: &Stats) {
        self.claimed += o.claimed;
        self.sent += o.sent;
        self.retried += o.retried;
        self.failed += o.failed;
        self.cancelled += o.cancelled;
        self.lost += o.lost;
    }
}
