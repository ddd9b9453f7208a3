//! `ctopulse roster erase EMAIL` and `ctopulse roster export-person EMAIL`.

use super::{cli_actor, open, print_json, CliError};
use crate::app::person::{self, PersonError, PersonExport};
use crate::config::Settings;
use crate::db;
use crate::domain::email::Email;

impl From<PersonError> for CliError {
    fn from(e: PersonError) -> Self {
        match e {
            PersonError::Db(d) => CliError::Db(d),
            other => CliError::Usage(other.to_string()),
        }
    }
}

fn parse_email(s: &str) -> Result<Email, CliError> {
    Email::parse(s).map_err(|e| CliError::Usage(e.to_string()))
}

/// `roster erase EMAIL [--force]`: prints what was removed, as counts.
pub fn erase(email: &str, force: bool, settings: &Settings) -> Result<(), CliError> {
    let email = parse_email(email)?;
    let pool = open(settings)?;
    let mut conn = db::pool::checkout(&pool)?;
    let r = person::erase(&mut conn, &email, force, crate::clock::now(), &cli_actor())?;
    let lines = [
        ("roster entries", r.roster_entries),
        ("invitations (sealed rounds)", r.invitations_sealed_rounds),
        ("invitations (open rounds)", r.invitations_open_rounds),
        ("survey links", r.invitation_links),
        ("emails (outbox)", r.emails),
        ("audit entries rewritten", r.audit_entries_rewritten),
        ("staff accounts", r.staff_accounts),
        ("sessions", r.sessions),
        ("failed sign-ins", r.failed_sign_ins),
        ("attributions rewritten", r.attributions_rewritten),
    ];
    for (what, n) in lines {
        println!("{what:<28} {n}");
    }
    eprintln!(
        "erased {}; survey answers and tallies are unchanged (nothing links them to a person). \
         Remove the person from your HR export too, or the next roster import adds them again.",
        email.as_str()
    );
    Ok(())
}

/// `roster export-person EMAIL [--text]`.
pub fn export(email: &str, text: bool, settings: &Settings) -> Result<(), CliError> {
    let email = parse_email(email)?;
    let pool = open(settings)?;
    let mut conn = db::pool::checkout(&pool)?;
    let found = person::export(&mut conn, &email)?;
    if text {
        print_text(&found);
        Ok(())
    } else {
        print_json(&found)
    }
}

fn print_text(p: &PersonExport) {
    println!("Stored about {}", p.email);
    match &p.roster_entry {
        Some(r) => println!(
            "\nRoster entry: {} <{}>, {}, language {}, engineer {}, executive {}, {}; added {} UTC, last changed {} UTC",
            r.name,
            r.email,
            r.department,
            r.locale,
            yes(r.is_engineer),
            yes(r.is_executive),
            if r.active { "active" } else { "inactive" },
            r.created_at,
            r.updated_at
        ),
        None => println!("\nRoster entry: none"),
    }
    println!("\nInvitations: {}", p.invitations.len());
    for i in &p.invitations {
        println!(
            "  {} {} (round {}, {}): group {}, answered {}, emails sent {}, undeliverable {}{}",
            i.quarter,
            i.template,
            i.round_id,
            i.round_status,
            i.reporting_group,
            yes(i.responded),
            i.emails_sent,
            yes(i.undeliverable),
            i.undeliverable_reason
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default()
        );
    }
    println!("\nEmails: {}", p.emails.len());
    for m in &p.emails {
        println!(
            "  {} {} attempts {}, queued {}{}",
            m.kind,
            m.status,
            m.attempts,
            m.created_at,
            m.sent_at
                .as_deref()
                .map(|s| format!(", sent {s}"))
                .unwrap_or_default()
        );
    }
    match &p.staff_account {
        Some(s) => println!(
            "\nStaff account: {} ({}), created {} UTC, {} session(s)",
            s.role,
            if s.disabled { "disabled" } else { "active" },
            s.created_at,
            s.sessions
        ),
        None => println!("\nStaff account: none"),
    }
    println!("Failed sign-ins on record: {}", p.failed_sign_ins);
    println!(
        "Assessments and commentaries they wrote or reviewed: {}",
        p.attributions
    );
    println!(
        "\nAudit entries that mention them: {}",
        p.audit_entries.len()
    );
    for a in &p.audit_entries {
        println!(
            "  {} UTC {} {} {}: {}",
            a.at,
            a.actor,
            a.action,
            a.object_id.as_deref().unwrap_or("-"),
            a.detail.as_deref().unwrap_or("")
        );
    }
    println!("\n{}", p.answers);
}

fn yes(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}
