//! Quarterly schedules: on which days of a quarter a survey launches, is reminded and closes,
//! and which step is due at a given instant. Pure: a schedule, a quarter, the company's time
//! zone and an instant in; dates, instants and steps out.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use time::{Date, Duration, PrimitiveDateTime};

use super::quarter::Quarter;
use super::round::{close_instant, local_instant};

#[cfg(test)]
mod tests;

/// The shortest quarter has 89 days (February–April of a common year, the fourth quarter of a
/// fiscal year starting in May): a round launched on `launch_day` and open `days_open` days
/// must close within it, so it measures its own quarter whatever the fiscal year.
pub const SHORTEST_QUARTER_DAYS: u16 = 89;
/// More reminders than this would be nagging, not reminding.
pub const MAX_REMINDERS: usize = 5;
/// A launch missed by a stopped service still happens if the service is back within this long;
/// later, the quarter is skipped rather than opening a round with little time left.
pub const LAUNCH_GRACE: Duration = Duration::hours(48);

/// Why a schedule is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("launch day {0} is outside 1–{max} (day 1 is the quarter's first day)", max = SHORTEST_QUARTER_DAYS - 1)]
    LaunchDay(u16),
    #[error("days open {0} is outside 2–60")]
    DaysOpen(u16),
    #[error("launched on day {launch_day} and open {days_open} days, the round would close after day {SHORTEST_QUARTER_DAYS} of the quarter; launch earlier or keep it open fewer days")]
    PastQuarter { launch_day: u16, days_open: u16 },
    #[error("reminder day {day} is not within the {days_open} days the round is open (1–{last}, counted from the launch day)", last = days_open - 1)]
    ReminderDay { day: u16, days_open: u16 },
    #[error("reminder days must be in increasing order without repeats, e.g. 3,5")]
    ReminderOrder,
    #[error("at most {MAX_REMINDERS} reminders")]
    TooManyReminders,
    #[error("reminder days {0:?} are not a comma-separated list of whole days, e.g. 3,5")]
    ReminderList(String),
}

/// When a survey runs each quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Schedule {
    launch_day: u16,
    days_open: u16,
    reminder_days: Vec<u16>,
}

impl Schedule {
    /// The default reminders: days 3 and 5 after launch.
    pub const DEFAULT_REMINDER_DAYS: [u16; 2] = [3, 5];

    /// A schedule, if it fits in every quarter: launch on `launch_day` of the quarter (1 = its
    /// first day), open `days_open` days counting the launch day, reminders `reminder_days`
    /// days after the launch day.
    pub fn new(
        launch_day: u16,
        days_open: u16,
        reminder_days: Vec<u16>,
    ) -> Result<Self, ScheduleError> {
        if !(1..SHORTEST_QUARTER_DAYS).contains(&launch_day) {
            return Err(ScheduleError::LaunchDay(launch_day));
        }
        if !(2..=60).contains(&days_open) {
            return Err(ScheduleError::DaysOpen(days_open));
        }
        if launch_day - 1 + days_open > SHORTEST_QUARTER_DAYS {
            return Err(ScheduleError::PastQuarter {
                launch_day,
                days_open,
            });
        }
        if reminder_days.len() > MAX_REMINDERS {
            return Err(ScheduleError::TooManyReminders);
        }
        if let Some(&day) = reminder_days.iter().find(|d| **d == 0 || **d >= days_open) {
            return Err(ScheduleError::ReminderDay { day, days_open });
        }
        if reminder_days.windows(2).any(|w| w[0] >= w[1]) {
            return Err(ScheduleError::ReminderOrder);
        }
        Ok(Schedule {
            launch_day,
            days_open,
            reminder_days,
        })
    }

    pub fn launch_day(&self) -> u16 {
        self.launch_day
    }

    pub fn days_open(&self) -> u16 {
        self.days_open
    }

    pub fn reminder_days(&self) -> &[u16] {
        &self.reminder_days
    }

    /// The days of `quarter` the schedule falls on.
    pub fn dates(&self, quarter: Quarter, fy_start_month: u8) -> QuarterDates {
        let first = quarter.first_day(fy_start_month);
        let launch_on = first + Duration::days(i64::from(self.launch_day) - 1);
        QuarterDates {
            quarter,
            launch_on,
            reminders: self
                .reminder_days
                .iter()
                .map(|d| (*d, launch_on + Duration::days(i64::from(*d))))
                .collect(),
            closes_on: launch_on + Duration::days(i64::from(self.days_open) - 1),
        }
    }
}

/// Parses `3,5` (spaces allowed; empty for no reminders).
pub fn parse_reminder_days(text: &str) -> Result<Vec<u16>, ScheduleError> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<u16>()
                .map_err(|_| ScheduleError::ReminderList(text.to_string()))
        })
        .collect()
}

/// Writes reminder days the way [`parse_reminder_days`] reads them.
pub fn format_reminder_days(days: &[u16]) -> String {
    days.iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// A schedule's days in one quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuarterDates {
    pub quarter: Quarter,
    pub launch_on: Date,
    /// (days after launch, date).
    pub reminders: Vec<(u16, Date)>,
    /// The last day to answer; the round closes at its end.
    pub closes_on: Date,
}

impl QuarterDates {
    /// The instants, in UTC: launch and reminders at `send_hour` o'clock in `timezone`, close
    /// at the end of the last day there.
    pub fn timeline(&self, send_hour: u8, timezone: &str) -> Result<Timeline, String> {
        Ok(Timeline {
            quarter: self.quarter,
            launch_at: local_instant(self.launch_on, send_hour, timezone)?,
            reminders: self
                .reminders
                .iter()
                .map(|(d, on)| Ok((*d, local_instant(*on, send_hour, timezone)?)))
                .collect::<Result<_, String>>()?,
            close_at: close_instant(self.closes_on, timezone)?,
        })
    }
}

/// A schedule's instants in one quarter (UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    pub quarter: Quarter,
    pub launch_at: PrimitiveDateTime,
    pub reminders: Vec<(u16, PrimitiveDateTime)>,
    pub close_at: PrimitiveDateTime,
}

/// A step a schedule takes; its text form (`launch`, `remind-3`, `close`) keys the record
/// that it was taken and is what JSON shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    Launch,
    /// The reminder this many days after launch.
    Remind(u16),
    /// Closing and sealing at the end of the last day (the auto-closer does it).
    Close,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::Launch => f.write_str("launch"),
            Step::Remind(d) => write!(f, "remind-{d}"),
            Step::Close => f.write_str("close"),
        }
    }
}

impl Serialize for Step {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl FromStr for Step {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "launch" => Ok(Step::Launch),
            "close" => Ok(Step::Close),
            _ => s
                .strip_prefix("remind-")
                .and_then(|d| d.parse().ok())
                .map(Step::Remind)
                .ok_or_else(|| format!("unknown schedule step {s:?}")),
        }
    }
}

/// What is known of the quarter's round when deciding what is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundState {
    /// When the quarter's round of this survey was launched, if it was.
    pub launched_at: Option<PrimitiveDateTime>,
}

impl Timeline {
    /// The step due at `now`, given the steps already `done` (launch, then the latest reminder
    /// whose time has come). Each step has a window: a launch until [`LAUNCH_GRACE`] after its
    /// time (and before the close), a reminder until the next reminder's time or the close. A
    /// reminder is due only for a round launched before its time, so a late launch is not
    /// followed at once by a reminder.
    pub fn due(&self, now: PrimitiveDateTime, done: &[Step], round: RoundState) -> Option<Step> {
        if now >= self.close_at {
            return None;
        }
        if round.launched_at.is_none() && !done.contains(&Step::Launch) {
            let window_end = (self.launch_at + LAUNCH_GRACE).min(self.close_at);
            return (self.launch_at <= now && now < window_end).then_some(Step::Launch);
        }
        let launched_at = round.launched_at?;
        let (i, (day, at)) = self
            .reminders
            .iter()
            .enumerate()
            .rev()
            .find(|(_, (_, at))| *at <= now)?;
        let window_end = self
            .reminders
            .get(i + 1)
            .map(|(_, next)| *next)
            .unwrap_or(self.close_at);
        let step = Step::Remind(*day);
        (now < window_end && launched_at <= *at && !done.contains(&step)).then_some(step)
    }

    /// The next step after `now` (or due now and not yet done), with its time, for the admin
    /// page; `None` when this quarter has nothing left.
    pub fn next(
        &self,
        now: PrimitiveDateTime,
        done: &[Step],
        round: RoundState,
    ) -> Option<(Step, PrimitiveDateTime)> {
        if let Some(step) = self.due(now, done, round) {
            let at = match step {
                Step::Launch => self.launch_at,
                Step::Remind(d) => self
                    .reminders
                    .iter()
                    .find(|(day, _)| *day == d)
                    .map(|(_, at)| *at)
                    .unwrap_or(now),
                Step::Close => self.close_at,
            };
            return Some((step, at));
        }
        if now >= self.close_at {
            return None;
        }
        if round.launched_at.is_none() {
            return (now < self.launch_at).then_some((Step::Launch, self.launch_at));
        }
        self.reminders
            .iter()
            .find(|(_, at)| *at > now)
            .map(|(d, at)| (Step::Remind(*d), *at))
            .or(Some((Step::Close, self.close_at)))
    }
}
