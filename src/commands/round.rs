//! `ctopulse round …` and `ctopulse send`.

use std::sync::Arc;

use time::{Date, Duration};

use super::{cli_actor, open, print_json, CliError};
use crate::app::rounds::{self, NewRound, RoundError};
use crate::app::survey_page::preview_html;
use crate::cli::RoundCommand;
use crate::clock;
use crate::config::Settings;
use crate::db;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;
use crate::domain::round::parse_merge;
use crate::mail::outbox::OutboxWorker;
use crate::mail::Mailer;
use crate::startup::load_templates;

impl From<RoundError> for CliError {
    fn from(e: RoundError) -> Self {
        match e {
            RoundError::Db(d) => CliError::Db(d),
            other => CliError::Usage(other.to_string()),
        }
    }
}

/// The seal's options from the settings.
fn seal_options(settings: &Settings) -> rounds::SealOptions {
    rounds::SealOptions {
        driver_min_respondents: settings.drivers.min_respondents,
    }
}

fn parse_date(s: &str) -> Result<Date, CliError> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s.trim(), &fmt)
        .map_err(|_| CliError::Usage(format!("invalid date {s:?} (expected YYYY-MM-DD)")))
}

fn locale(s: &str) -> Result<Locale, CliError> {
    s.parse()
        .map_err(|e: crate::domain::locale::UnknownLocale| CliError::Usage(e.to_string()))
}

fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failed(format!("cannot start the async runtime: {e}")))
}

/// Runs a `round` subcommand.
pub fn run(cmd: RoundCommand, settings: &Settings) -> Result<(), CliError> {
    let templates = load_templates(settings).map_err(|e| CliError::Usage(e.to_string()))?;
    let pool = open(settings)?;
    let mut conn = db::pool::checkout(&pool)?;
    let now = clock::now();
    match cmd {
        RoundCommand::Create {
            template,
            quarter,
            closes,
            k,
            merges,
        } => {
            let t = templates.get(&template).ok_or_else(|| {
                CliError::Usage(format!(
                    "no template {template:?}; see `ctopulse template list`"
                ))
            })?;
            let quarter: Quarter =
                quarter
                    .parse()
                    .map_err(|e: crate::domain::quarter::InvalidQuarter| {
                        CliError::Usage(e.to_string())
                    })?;
            let closes_on = match closes {
                Some(c) => parse_date(&c)?,
                None => now.date() + Duration::days(14),
            };
            let merges = merges
                .iter()
                .map(|m| parse_merge(m))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| CliError::Usage(e.to_string()))?;
            let k = k.unwrap_or(settings.anonymity.round_k());
            let id = rounds::create_at_floor(
                &mut conn,
                &NewRound {
                    template: t,
                    quarter,
                    closes_on,
                    k,
                    comment_threshold: settings.anonymity.round_comment_threshold(k),
                    merges,
                    timezone: &settings.timezone,
                },
                settings.anonymity.floor(),
                now,
                &cli_actor(),
            )?;
            eprintln!("draft round of {template} for {quarter} created; it closes at the end of {closes_on} ({})", settings.timezone);
            println!("{id}");
            Ok(())
        }
        RoundCommand::Launch { id } => {
            let id = rounds::lookup(&mut conn, &id)?.id;
            let floor = settings.anonymity.floor();
            let report =
                rounds::launch_at_floor(&mut conn, id, &templates, floor, now, &cli_actor())?;
            if report.recent_roster_changes > 0 {
                eprintln!(
                    "warning: the roster changed {} time(s) in the 7 days before this launch (see the audit log); a padded roster weakens anonymity",
                    report.recent_roster_changes
                );
            }
            eprintln!("launched: {} invitation(s) queued (k = {}, comments from {} answers); `ctopulse serve` sends them (or run `ctopulse send`)", report.invitations, report.k, report.comment_threshold);
            Ok(())
        }
        RoundCommand::Status { id, json } => {
            let id = rounds::lookup(&mut conn, &id)?.id;
            let p = rounds::progress(&mut conn, id)?;
            if json {
                return print_json(&p);
            }
            println!("round {} ({})", p.round_id, p.status);
            println!(
                "{:<22} {:>8} {:>10} {:>9} {:>14} {:>6}",
                "GROUP", "INVITED", "DELIVERED", "ANSWERED", "UNDELIVERABLE", "RATE"
            );
            for g in p.groups.iter().chain(std::iter::once(&p.overall)) {
                let rate = g
                    .response_rate
                    .map(|r| format!("{:.0}%", r * 100.0))
                    .unwrap_or_else(|| "—".into());
                println!(
                    "{:<22} {:>8} {:>10} {:>9} {:>14} {:>6}",
                    g.group, g.invited, g.delivered, g.answered, g.undeliverable, rate
                );
            }
            if p.emails_pending > 0 {
                println!("{} email(s) waiting in the outbox", p.emails_pending);
            }
            for w in rounds::reminder_waves(&mut conn, id)? {
                println!(
                    "reminder wave {} UTC by {} ({}): {} reminder(s), {} re-invitation(s), {} held back",
                    w.queued_at, w.trigger, w.actor, w.counts.reminders, w.counts.reinvites, w.counts.held_back
                );
            }
            if !p.undeliverable.is_empty() {
                println!("undeliverable (fix the address in the roster, then `round remind`):");
                for u in &p.undeliverable {
                    println!("  {}: {}", u.email, u.reason);
                }
            }
            Ok(())
        }
        RoundCommand::Remind { id } => {
            let id = rounds::lookup(&mut conn, &id)?.id;
            let rules = rounds::ReminderRules {
                cooldown: settings.reminders.cooldown(),
                trigger: crate::domain::reminders::Trigger::Cli,
            };
            let r = rounds::remind(&mut conn, id, now, &cli_actor(), rules)?;
            eprintln!(
                "{} reminder(s) and {} re-invitation(s) queued; {} held back (reminded in the last {} hours)",
                r.reminders, r.reinvites, r.held_back, settings.reminders.cooldown_hours
            );
            Ok(())
        }
        RoundCommand::Close { id } => {
            let id = rounds::lookup(&mut conn, &id)?.id;
            let r = rounds::close_and_seal_with(
                &mut conn,
                id,
                now,
                &cli_actor(),
                seal_options(settings),
            )?;
            eprintln!(
                "round {} closed and sealed: {} response(s) shuffled under new ids, {} link(s) deleted, {} unsent email(s) cancelled (steps: {})",
                r.round_id, r.responses, r.links_deleted, r.emails_cancelled, r.steps
            );
            // The process exits next, so the scrub runs here rather than in the background.
            rounds::scrub(&mut conn)?;
            Ok(())
        }
        RoundCommand::List { json } => {
            let list = rounds::list(&mut conn)?;
            if json {
                return print_json(&list);
            }
            println!(
                "{:<36} {:<7} {:<24} {:<7} {:>10}",
                "ID", "QUARTER", "TEMPLATE", "STATUS", "CLOSES"
            );
            for r in &list {
                println!(
                    "{:<36} {:<7} {:<24} {:<7} {:>10}",
                    r.id, r.quarter, r.template_key, r.status, r.closes_on
                );
            }
            Ok(())
        }
        RoundCommand::Preview {
            id,
            lang,
            department,
            out,
        } => {
            let round = rounds::lookup(&mut conn, &id)?;
            let locale = locale(&lang)?;
            department
                .parse::<crate::domain::department::Department>()
                .map_err(|e| CliError::Usage(e.to_string()))?;
            let strict = settings.anonymity.strict_mode;
            let body = preview_html(&round, locale, Some(&department), strict)
                .ok_or_else(|| CliError::Failed("the round's template does not render".into()))?;
            // The page links /static/app.css; inline it so the local file looks right.
            let css = include_str!("../../static/app.css");
            let body = body.replace(
                "<link rel=\"stylesheet\" href=\"/static/app.css\">",
                &format!("<style>{css}</style>"),
            );
            let path = out.unwrap_or_else(|| {
                format!(
                    "preview-{}-{}.html",
                    &round.id.to_string()[..8],
                    locale.code()
                )
                .into()
            });
            std::fs::write(&path, body)
                .map_err(|e| CliError::Failed(format!("cannot write {}: {e}", path.display())))?;
            eprintln!("wrote {}", path.display());
            Ok(())
        }
        RoundCommand::Retally { id } => {
            let id = rounds::lookup(&mut conn, &id)?.id;
            let id = rounds::retally(
                &mut conn,
                crate::clock::now(),
                id,
                &cli_actor(),
                seal_options(settings),
            )?;
            eprintln!("tallies of round {id} rebuilt");
            Ok(())
        }
        RoundCommand::TestSend { id, to, lang } => {
            let round = rounds::lookup(&mut conn, &id)?;
            let locale = locale(&lang)?;
            let to = crate::domain::email::Email::parse(&to)
                .map_err(|e| CliError::Usage(e.to_string()))?;
            let email =
                crate::mail::sample::invitation(&mut conn, &round, settings, locale, &to, now)
                    .map_err(RoundError::from)?;
            let rt = runtime()?;
            // lettre's SMTP pool spawns tasks when built and when dropped: only inside a runtime.
            let _inside = rt.enter();
            let mailer = Mailer::from_settings(&settings.mail)
                .map_err(|e| CliError::Failed(e.to_string()))?;
            rt.block_on(mailer.send(&email))
                .map_err(|e| CliError::Failed(format!("the sample was not sent: {e}")))?;
            crate::mail::sample::record_sent(
                &mut conn,
                crate::clock::now(),
                &cli_actor(),
                round.id,
                &to,
                locale,
            )?;
            eprintln!("sample invitation sent to {to}");
            Ok(())
        }
    }
}

/// `ctopulse send`: drains the outbox once.
pub fn send(settings: &Settings) -> Result<(), CliError> {
    let pool = open(settings)?;
    let rt = runtime()?;
    // lettre's SMTP pool spawns tasks when built and when dropped: only inside a runtime.
    let _inside = rt.enter();
    let mailer =
        Mailer::from_settings(&settings.mail).map_err(|e| CliError::Failed(e.to_string()))?;
    let worker = OutboxWorker::new(pool.clone(), mailer, Arc::new(settings.clone())).with_recaps(
        crate::app::actions::recap::outbox_source(settings, Default::default()),
    );
    let stats = rt.block_on(worker.drain())?;
    let mut conn = db::pool::checkout(&pool)?;
    let backlog = crate::app::setup::outbox_backlog(&mut conn)?;
    eprintln!(
        "{} sent, {} to retry, {} failed (marked undeliverable), {} cancelled",
        stats.sent, stats.retried, stats.failed, stats.cancelled
    );
    if backlog.pending > 0 {
        eprintln!(
            "{} message(s) still pending; the next is due at {} UTC",
            backlog.pending,
            backlog.next_due.map(|t| t.to_string()).unwrap_or_default()
        );
    }
    Ok(())
}
