//! `ctopulse hr | inflection | commentary | export`.

use std::io::Read;
use std::path::PathBuf;

use super::{cli_actor, open, print_json, quarter, write_out, CliError};
use crate::app::commentary::{self as commentary_app, CommentaryError};
use crate::app::hr::{self as hr_app, HrImportError};
use crate::app::inflection::{self, InflectionError};
use crate::app::report::{self as report_app, ReportFormat};
use crate::app::scorecard::{self, Options, ScorecardError};
use crate::cli::{CommentaryCommand, HrCommand, InflectionCommand};
use crate::clock;
use crate::config::Settings;
use crate::db;
use crate::domain::hr as hr_domain;
use crate::export;

impl From<InflectionError> for CliError {
    fn from(e: InflectionError) -> Self {
        match e {
            InflectionError::Db(d) => CliError::Db(d),
            other => CliError::Usage(other.to_string()),
        }
    }
}

impl From<HrImportError> for CliError {
    fn from(e: HrImportError) -> Self {
        match e {
            HrImportError::Db(d) => CliError::Db(d),
        }
    }
}

impl From<ScorecardError> for CliError {
    fn from(e: ScorecardError) -> Self {
        match e {
            ScorecardError::Db(d) => CliError::Db(d),
            ScorecardError::NoClosedRound(_)
            | ScorecardError::NothingClosed
            | ScorecardError::RoundOpen { .. }
            | ScorecardError::NoResults(_) => CliError::Usage(e.to_string()),
            other => CliError::Failed(other.to_string()),
        }
    }
}

/// `hr import`.
pub fn hr(cmd: HrCommand, settings: &Settings) -> Result<(), CliError> {
    let HrCommand::Import { file } = cmd;
    let bytes = std::fs::read(&file)
        .map_err(|e| CliError::Usage(format!("cannot read {}: {e}", file.display())))?;
    let parsed = hr_domain::parse(&bytes)
        .map_err(|e| CliError::Usage(format!("{}: {e}", file.display())))?;
    if !parsed.errors.is_empty() {
        for e in &parsed.errors {
            eprintln!("{}:{e}", file.display());
        }
        return Err(CliError::Usage(format!(
            "{} invalid row(s) in {}; nothing was written",
            parsed.errors.len(),
            file.display()
        )));
    }
    let pool = open(settings)?;
    let report = hr_app::import(
        &mut *db::pool::checkout(&pool)?,
        &parsed.events,
        &cli_actor(),
        clock::now(),
    )?;
    eprintln!(
        "{} added, {} replaced, {} unchanged",
        report.added, report.replaced, report.unchanged
    );
    Ok(())
}

/// `inflection add | assess | confirm | list`.
pub fn inflection(cmd: InflectionCommand, settings: &Settings) -> Result<(), CliError> {
    let pool = open(settings)?;
    let mut conn = db::pool::checkout(&pool)?;
    let actor = cli_actor();
    match cmd {
        InflectionCommand::Add {
            title,
            quarter: q,
            description,
        } => {
            let id = inflection::add(
                &mut conn,
                &title,
                quarter(&q)?,
                description.as_deref(),
                &actor,
                clock::now(),
            )?;
            println!("{id}");
        }
        InflectionCommand::Assess {
            id,
            quarter: q,
            assessment,
            note,
        } => {
            let a = inflection::parse_assessment(&assessment)?;
            inflection::assess(
                &mut conn,
                &id,
                quarter(&q)?,
                a,
                note.as_deref(),
                &actor,
                clock::now(),
            )?;
            eprintln!("assessed {assessment} for {q}; awaiting the board's confirmation");
        }
        InflectionCommand::Confirm {
            id,
            quarter: q,
            dispute,
            note,
        } => {
            inflection::confirm(
                &mut conn,
                &id,
                quarter(&q)?,
                dispute,
                note.as_deref(),
                &actor,
                clock::now(),
            )?;
            eprintln!("{} for {q}", if dispute { "disputed" } else { "confirmed" });
        }
        InflectionCommand::List { json } => {
            let reg = inflection::register(&mut conn)?;
            if json {
                return print_json(&reg);
            }
            println!(
                "{:<36} {:<30} {:<7} {:<9} {:<11}",
                "ID", "TITLE", "QUARTER", "ASSESSED", "BOARD"
            );
            for e in &reg {
                println!(
                    "{:<36} {:<30} {:<7} {:<9} {:<11}",
                    e.point_id,
                    e.title.chars().take(30).collect::<String>(),
                    e.quarter.as_deref().unwrap_or("—"),
                    e.assessment.as_deref().unwrap_or("—"),
                    e.board_state.as_deref().unwrap_or("—")
                );
            }
        }
    }
    Ok(())
}

/// `commentary set`.
pub fn commentary(cmd: CommentaryCommand, settings: &Settings) -> Result<(), CliError> {
    let CommentaryCommand::Set { quarter: q, text } = cmd;
    let text = match text {
        Some(t) => t,
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map_err(|e| {
                CliError::Usage(format!(
                    "cannot read the commentary from standard input: {e}"
                ))
            })?;
            s
        }
    };
    let pool = open(settings)?;
    commentary_app::set(
        &mut *db::pool::checkout(&pool)?,
        quarter(&q)?,
        &text,
        &cli_actor(),
        clock::now(),
    )
    .map_err(|e| match e {
        CommentaryError::Db(d) => CliError::Db(d),
        other => CliError::Usage(other.to_string()),
    })?;
    eprintln!("commentary for {q} saved");
    Ok(())
}

/// Scorecard options for a CLI caller (the operator of the installation reads no comments).
pub fn cli_options(settings: &Settings) -> Options {
    Options::from_settings(settings, false)
}

/// `export`.
pub fn export(
    q: Option<String>,
    format: &str,
    out: Option<PathBuf>,
    settings: &Settings,
) -> Result<(), CliError> {
    let q = q.as_deref().map(quarter).transpose()?;
    let pool = open(settings)?;
    let mut conn = db::pool::checkout(&pool)?;
    let loaded = scorecard::load(&mut conn, q, &cli_options(settings), &mut rand::rng())?;
    let time = crate::app::time_split::quarter_summary(
        &mut conn,
        loaded.scorecard.quarter,
        &crate::app::time_split::TimeSplitConfig::from_settings(settings),
    )?;
    let body = match format {
        "json" => {
            export::to_json(&loaded, time.as_ref()).map_err(|e| CliError::Failed(e.to_string()))?
        }
        _ => export::to_csv(&loaded, time.as_ref()).map_err(|e| CliError::Failed(e.to_string()))?,
    };
    write_out(out.as_deref(), body.as_bytes())
}

/// `report`.
pub fn report(
    q: Option<String>,
    format: &str,
    lang: &str,
    out: Option<PathBuf>,
    settings: &Settings,
) -> Result<(), CliError> {
    let q = q.as_deref().map(quarter).transpose()?;
    let format = ReportFormat::parse(format)
        .ok_or_else(|| CliError::Usage(format!("unknown format {format:?}")))?;
    let locale = lang
        .parse()
        .map_err(|e: crate::domain::locale::UnknownLocale| CliError::Usage(e.to_string()))?;
    let pool = open(settings)?;
    let mut conn = db::pool::checkout(&pool)?;
    if out.is_none()
        && format != ReportFormat::Svg
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        return Err(CliError::Usage(format!(
            "refusing to write a {} to the terminal; pass --out FILE or redirect",
            format.extension().to_uppercase()
        )));
    }
    let opts = cli_options(settings);
    let loaded = scorecard::load(&mut conn, q, &opts, &mut rand::rng())?;
    let time = crate::app::time_split::quarter_summary(
        &mut conn,
        loaded.scorecard.quarter,
        &crate::app::time_split::TimeSplitConfig::from_settings(settings),
    )?;
    let actions = crate::db::actions::list(&mut conn)?;
    let pack = match format {
        ReportFormat::Pdf => Some(
            report_app::pack_extras(&mut conn, actions.clone(), &opts)
                .map_err(|e| CliError::Failed(format!("the board pack could not be read: {e}")))?,
        ),
        _ => None,
    };
    let bytes = report_app::render(
        &loaded,
        locale,
        format,
        &report_app::ReportInputs::from_settings(settings, time.as_ref(), &actions)
            .with_pack(pack.as_ref()),
    )
    .map_err(|e| CliError::Failed(format!("the report could not be drawn: {e}")))?
    .bytes;
    write_out(out.as_deref(), &bytes)?;
    if let Some(p) = out {
        eprintln!(
            "wrote {} ({} bytes, {} {})",
            p.display(),
            bytes.len(),
            loaded.scorecard.quarter,
            lang
        );
    }
    Ok(())
}
