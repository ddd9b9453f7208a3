//! `ctopulse template list | validate | show`.

use super::{print_json, CliError};
use crate::cli::TemplateCommand;
use crate::config::Settings;
use crate::domain::department::Department;
use crate::domain::locale::Locale;
use crate::domain::template;
use crate::startup::load_templates;

/// Runs a `template` subcommand.
pub fn run(cmd: TemplateCommand, settings: &Settings) -> Result<(), CliError> {
    match cmd {
        TemplateCommand::List { json } => {
            let set = load_templates(settings).map_err(|e| CliError::Usage(e.to_string()))?;
            let rows: Vec<serde_json::Value> = set
                .templates()
                .iter()
                .map(|t| {
                    serde_json::json!({
                        "key": t.key(), "version": t.version(), "audience": t.audience().key(),
                        "questions": t.questions().count(), "hash": t.content_hash(), "title": t.title().get(Locale::En),
                    })
                })
                .collect();
            if json {
                return print_json(&rows);
            }
            println!(
                "{:<26} {:>3} {:<24} {:>9}  TITLE",
                "KEY", "VER", "AUDIENCE", "QUESTIONS"
            );
            for t in set.templates() {
                println!(
                    "{:<26} {:>3} {:<24} {:>9}  {}",
                    t.key(),
                    t.version(),
                    t.audience().key(),
                    t.questions().count(),
                    t.title().get(Locale::En)
                );
            }
            Ok(())
        }
        TemplateCommand::Validate { paths } => {
            let result = if paths.is_empty() {
                load_templates(settings).map_err(|e| e.to_string())
            } else {
                template::load_files(&paths).map_err(|e| e.to_string())
            };
            match result {
                Ok(set) => {
                    for t in set.templates() {
                        eprintln!(
                            "ok  {} (v{}, {} questions)",
                            t.file_name(),
                            t.version(),
                            t.questions().count()
                        );
                    }
                    Ok(())
                }
                Err(e) => Err(CliError::Usage(format!("invalid templates:\n{e}"))),
            }
        }
        TemplateCommand::Show { key, lang } => {
            let locale: Locale =
                lang.parse()
                    .map_err(|e: crate::domain::locale::UnknownLocale| {
                        CliError::Usage(e.to_string())
                    })?;
            let set = load_templates(settings).map_err(|e| CliError::Usage(e.to_string()))?;
            let t = set.get(&key).ok_or_else(|| {
                CliError::Usage(format!("no template {key:?}; see `ctopulse template list`"))
            })?;
            println!(
                "{} — v{} — {}",
                t.title().get(locale),
                t.version(),
                t.audience().key()
            );
            println!("{}\n", t.intro().get(locale));
            for s in t.sections() {
                let who = s
                    .department()
                    .map(|d: Department| format!(" [{}]", d.key()))
                    .unwrap_or_default();
                println!("## {}{who}", s.title().get(locale));
                for q in s.questions() {
                    let role = q
                        .role()
                        .map(|r| format!(" role={}", r.key()))
                        .unwrap_or_default();
                    let flags = format!(
                        "{}{}",
                        if q.required() { " required" } else { "" },
                        if q.allow_na() { " n/a" } else { "" }
                    );
                    println!(
                        "- {} ({}{role}{flags}): {}",
                        q.key(),
                        q.kind().key(),
                        q.text().get(locale)
                    );
                    if let Some(sc) = q.scale() {
                        println!("    {} … {}", sc.low().get(locale), sc.high().get(locale));
                    }
                }
                println!();
            }
            Ok(())
        }
    }
}
