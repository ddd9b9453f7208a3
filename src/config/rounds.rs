//! `[reminders]` and `[schedules]`: how often one person may be reminded, and at what hour
//! scheduled launches and reminders go out.

use serde::{Deserialize, Serialize};

use super::check;

/// `[reminders]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReminderSettings {
    /// Nobody gets a second reminder within this many hours, whatever triggers it (1–336).
    #[serde(deserialize_with = "check::ranged::<_, u32, 1, 336>")]
    pub cooldown_hours: u32,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings { cooldown_hours: 24 }
    }
}

impl ReminderSettings {
    pub fn cooldown(&self) -> time::Duration {
        time::Duration::hours(i64::from(self.cooldown_hours))
    }
}

/// `[schedules]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScheduleSettings {
    /// The hour (0–23, in `timezone`) at which scheduled launches and reminders go out.
    #[serde(deserialize_with = "check::ranged::<_, u8, 0, 23>")]
    pub send_hour: u8,
}

impl Default for ScheduleSettings {
    fn default() -> Self {
        ScheduleSettings { send_hour: 9 }
    }
}
