//! `ctopulse time import | split | events | override | add-hours | rule`.

use std::path::Path;

use time::{Date, PrimitiveDateTime};

use super::{cli_actor, open, print_json, quarter, CliError};
use crate::app::time_split::{self as app, CalendarFile, TimeSplitConfig, TimeSplitError};
use crate::cli::{TimeCommand, TimeRuleCommand};
use crate::clock;
use crate::config::Settings;
use crate::db;
use crate::domain::quarter::Quarter;
use crate::domain::time_split::ics::MAX_FILE_BYTES;
use crate::domain::time_split::{Category, Rule, RuleKind, SplitSummary, Window};

impl From<TimeSplitError> for CliError {
    fn from(e: TimeSplitError) -> Self {
        match e {
            TimeSplitError::Db(d) => CliError::Db(d),
            other => CliError::Usage(other.to_string()),
        }
    }
}

/// Runs one `time` command.
pub fn run(cmd: TimeCommand, settings: &Settings) -> Result<(), CliError> {
    let cfg = TimeSplitConfig::from_settings(settings);
    let actor = cli_actor();
    match cmd {
        TimeCommand::Import {
            files,
            from,
            to,
            json,
        } => {
            // Read and size-check every file before the database is opened.
            let mut read = Vec::with_capacity(files.len());
            for f in &files {
                read.push(read_file(f)?);
            }
            let window = window(from.as_deref(), to.as_deref(), &cfg)?;
            let pool = open(settings)?;
            let report = app::import(
                &mut *db::pool::checkout(&pool)?,
                &read,
                window,
                &cfg,
                &actor,
                clock::now(),
            )?;
            if json {
                return print_json(&report);
            }
            eprintln!(
                "{} event(s) stored from {} to {}; {} replaced",
                report.stored, report.from, report.to, report.replaced
            );
            for (c, n) in &report.by_category {
                eprintln!("  {:<22} {n}", c.key());
            }
            Ok(())
        }
        TimeCommand::Split { quarter: q, json } => {
            let quarters = match q {
                Some(q) => vec![quarter(&q)?],
                None => current_quarter(settings)?.trailing(8),
            };
            let pool = open(settings)?;
            let splits = app::splits(&mut *db::pool::checkout(&pool)?, &quarters, &cfg)?;
            if json {
                return print_json(&splits);
            }
            for s in &splits {
                print_split(&s.quarter.to_string(), &s.split);
                if quarters.len() == 1 {
                    for m in &s.months {
                        print_split(&format!("  {}", m.month), &m.split);
                    }
                }
            }
            Ok(())
        }
        TimeCommand::Events { quarter: q, json } => {
            let pool = open(settings)?;
            let events = app::events(&mut *db::pool::checkout(&pool)?, quarter(&q)?, &cfg)?;
            if json {
                return print_json(&events);
            }
            println!(
                "{:<32} {:<20} {:>6} {:<20} {:<9} RULE",
                "KEY", "START", "HOURS", "CATEGORY", "OVERRIDE"
            );
            for e in &events {
                println!(
                    "{:<32} {:<20} {:>6.2} {:<20} {:<9} {}",
                    e.key,
                    e.start,
                    e.hours,
                    e.category.key(),
                    if e.overridden { "yes" } else { "" },
                    e.rule
                );
            }
            Ok(())
        }
        TimeCommand::Override {
            key,
            category,
            clear,
        } => {
            let category = match (category, clear) {
                (_, true) => None,
                (Some(c), false) => Some(parse_category(&c)?),
                (None, false) => {
                    return Err(CliError::Usage(
                        "give a category, or --clear to remove the override".into(),
                    ))
                }
            };
            let pool = open(settings)?;
            app::set_override(
                &mut *db::pool::checkout(&pool)?,
                &key,
                category,
                &actor,
                clock::now(),
            )?;
            eprintln!(
                "{key}: {}",
                category.map_or("override cleared".to_string(), |c| c.key().to_string())
            );
            Ok(())
        }
        TimeCommand::AddHours {
            week,
            category,
            hours,
        } => {
            let day = parse_day(&week)?;
            let category = parse_category(&category)?;
            let pool = open(settings)?;
            let monday = app::add_hours(
                &mut *db::pool::checkout(&pool)?,
                day,
                category,
                hours,
                &actor,
                clock::now(),
            )?;
            eprintln!("week of {monday}: {hours} h of {}", category.key());
            Ok(())
        }
        TimeCommand::Rule(cmd) => rule(cmd, settings, &actor),
    }
}

fn rule(cmd: TimeRuleCommand, settings: &Settings, actor: &str) -> Result<(), CliError> {
    let pool = open(settings)?;
    let mut conn = db::pool::checkout(&pool)?;
    match cmd {
        TimeRuleCommand::List { json } => {
            let rules = app::list_rules(&mut conn)?;
            if json {
                return print_json(&rules);
            }
            println!("{:<36} {:<18} {:<30} CATEGORY", "ID", "KIND", "PATTERN");
            for r in &rules {
                println!(
                    "{:<36} {:<18} {:<30} {}",
                    r.id,
                    r.rule.kind.key(),
                    r.rule.pattern,
                    r.rule.category.key()
                );
            }
        }
        TimeRuleCommand::Add {
            kind,
            pattern,
            category,
        } => {
            let kind = RuleKind::parse(&kind).ok_or_else(|| {
                CliError::Usage(format!(
                    "unknown rule kind {kind:?} (expected calendar_category, domain or keyword)"
                ))
            })?;
            let rule = Rule::new(kind, &pattern, parse_category(&category)?);
            println!("{}", app::add_rule(&mut conn, &rule, actor, clock::now())?);
        }
        TimeRuleCommand::Remove { id } => {
            app::remove_rule(&mut conn, &id, actor, clock::now())?;
            eprintln!("rule {id} removed");
        }
    }
    Ok(())
}

/// Reads one calendar file, refusing an oversized one before reading it.
fn read_file(path: &Path) -> Result<CalendarFile, CliError> {
    let meta = std::fs::metadata(path)
        .map_err(|e| CliError::Usage(format!("cannot read {}: {e}", path.display())))?;
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(CliError::Usage(format!(
            "{}: the file is {} bytes; at most {MAX_FILE_BYTES} bytes are accepted; nothing was written",
            path.display(),
            meta.len()
        )));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| CliError::Usage(format!("cannot read {}: {e}", path.display())))?;
    Ok(CalendarFile {
        name: path.display().to_string(),
        bytes,
    })
}

fn parse_category(s: &str) -> Result<Category, CliError> {
    s.parse()
        .map_err(|e: crate::domain::time_split::UnknownCategory| CliError::Usage(e.to_string()))
}

fn parse_day(s: &str) -> Result<Date, CliError> {
    Date::parse(s, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| CliError::Usage(format!("{s:?} is not a date (YYYY-MM-DD)")))
}

/// `--from`/`--to` days as a window in the company's zone.
fn window(
    from: Option<&str>,
    to: Option<&str>,
    cfg: &TimeSplitConfig,
) -> Result<Option<Window>, CliError> {
    let (Some(from), Some(to)) = (from, to) else {
        if from.is_some() || to.is_some() {
            return Err(CliError::Usage(
                "give both --from and --to, or neither".into(),
            ));
        }
        return Ok(None);
    };
    let tz = jiff::tz::TimeZone::get(&cfg.timezone).map_err(|e| CliError::Usage(e.to_string()))?;
    let at = |s: &str| -> Result<jiff::Timestamp, CliError> {
        let d = parse_day(s)?;
        jiff::civil::date(d.year() as i16, u8::from(d.month()) as i8, d.day() as i8)
            .to_zoned(tz.clone())
            .map(|z| z.timestamp())
            .map_err(|e| CliError::Usage(e.to_string()))
    };
    let w = Window {
        from: at(from)?,
        to: at(to)?,
    };
    if w.from >= w.to {
        return Err(CliError::Usage("--from must be before --to".into()));
    }
    Ok(Some(w))
}

/// The quarter today falls in, in the company's zone.
fn current_quarter(settings: &Settings) -> Result<Quarter, CliError> {
    let now: PrimitiveDateTime = clock::now();
    let day = crate::domain::round::local_date(now, &settings.timezone).map_err(CliError::Usage)?;
    Ok(Quarter::containing(day, settings.fiscal_year_start_month))
}

fn print_split(label: &str, s: &SplitSummary) {
    let cell = |k: &str| {
        s.line(k)
            .and_then(|l| l.share.map(|v| (v, l.deviation_points)))
            .map_or("—".to_string(), |(v, d)| match d {
                Some(d) => format!("{v:.0}% ({d:+.0})"),
                None => format!("{v:.0}%"),
            })
    };
    println!(
        "{label:<10} {:>7.1} h  sales {:<12} marketing {:<12} bd {:<12} internal {:<12} unclassified {}",
        s.work_hours,
        cell("sales"),
        cell("marketing"),
        cell("bd"),
        cell("internal"),
        cell("unclassified")
    );
}
